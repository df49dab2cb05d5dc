package io.syncer.player.headless;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them on a command line: a non-negative decimal number and a unit,
 * {@code 1500ms}, {@code 25s}, {@code 2.5m}, {@code 1h}.
 *
 * <p>Thread-safety: stateless.
 */
final class Durations {

  /** Longer than any sensible script or run; keeps every sum far from overflow. */
  static final long MAX_MICROS = 7L * 24 * 3_600_000_000L;

  private static final Pattern DURATION = Pattern.compile("(\\d{1,12}(?:\\.\\d{1,6})?)(ms|s|m|h)");

  private Durations() {}

  /**
   * Parses {@code text} into microseconds, rounded to the nearest microsecond.
   *
   * @throws IllegalArgumentException with a message that says what is expected
   */
  static long parseMicros(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration like 300s, 1500ms, 2.5m or 1h");
    }
    BigDecimal micros =
        new BigDecimal(m.group(1))
            .multiply(BigDecimal.valueOf(unitMicros(m.group(2))))
            .setScale(0, RoundingMode.HALF_UP);
    if (micros.compareTo(BigDecimal.valueOf(MAX_MICROS)) > 0) {
      throw new IllegalArgumentException("'" + text + "' is longer than a week");
    }
    return micros.longValueExact();
  }

  private static long unitMicros(String unit) {
    return switch (unit) {
      case "ms" -> 1_000L;
      case "s" -> 1_000_000L;
      case "m" -> 60_000_000L;
      case "h" -> 3_600_000_000L;
      default -> throw new IllegalStateException("the pattern admits no unit " + unit);
    };
  }
}
