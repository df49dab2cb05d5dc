package io.syncer.player.headless;

import io.syncer.protocol.time.MicroClock;
import java.util.Objects;

/**
 * The local clock of an emulated other machine: a real monotonic clock shifted by a fixed offset
 * and running fast or slow by a fixed skew, as two computers' clocks differ. From its creation
 * on, {@code now = realAtCreation + offset + elapsedReal × (1 + skewPpm / 10⁶)}.
 *
 * <p>Monotonic: the skew is bounded well below 100 %, so the emulated clock never goes back when
 * the real one does not.
 *
 * <p>Thread-safety: immutable; safe from any thread when the real clock is.
 */
final class EmulatedClock implements MicroClock {

  /** Largest skew accepted: one percent, far beyond real quartz clocks (tens of ppm). */
  static final double MAX_SKEW_PPM = 10_000;

  /** Largest offset accepted: a day. */
  static final long MAX_OFFSET_MICROS = 86_400_000_000L;

  private final MicroClock real;
  private final long realOrigin;
  private final long offsetMicros;
  private final double skew;

  /**
   * @param real the clock to emulate from (the host's monotonic clock, or virtual time in tests)
   * @param offsetMicros how far ahead (positive) or behind this clock is, µs
   * @param skewPpm how much faster (positive) or slower this clock runs, parts per million
   */
  EmulatedClock(MicroClock real, long offsetMicros, double skewPpm) {
    this.real = Objects.requireNonNull(real, "real");
    if (Math.abs(offsetMicros) > MAX_OFFSET_MICROS) {
      throw new IllegalArgumentException("clock offset must be within a day: " + offsetMicros);
    }
    if (!(Math.abs(skewPpm) <= MAX_SKEW_PPM)) {
      throw new IllegalArgumentException(
          "clock skew must be within ±" + (long) MAX_SKEW_PPM + " ppm: " + skewPpm);
    }
    this.realOrigin = real.nowMicros();
    this.offsetMicros = offsetMicros;
    this.skew = skewPpm * 1e-6;
  }

  @Override
  public long nowMicros() {
    long elapsed = real.nowMicros() - realOrigin;
    return realOrigin + offsetMicros + elapsed + Math.round(elapsed * skew);
  }
}
