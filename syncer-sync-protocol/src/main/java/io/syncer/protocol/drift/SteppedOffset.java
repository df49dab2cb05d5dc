package io.syncer.protocol.drift;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The offset of a player whose reported position moves in steps (the start of the frame on screen),
 * from the middle of the range its recent readings span.
 *
 * <p>Each reading is the true offset minus a phase in {@code [0, step)}; the controller's ticks are
 * irregular, so the phases are spread over the whole step. Once the readings are carried to now
 * along the known drift, their largest and smallest values bracket the true offset within one
 * step, and the middle of that range is the offset as the mean of the readings would give it, only
 * far more precisely: its error shrinks like {@code step / n} rather than {@code step / √n}. Noise
 * other than the step (a jittery clock estimate, a player that presents frames unevenly) widens
 * the range beyond one step; the estimate is then refused and the caller keeps its line fit.
 *
 * <p>Not thread-safe; owned by one controller.
 */
final class SteppedOffset {

  /** The middle of the range and its standard error, µs. */
  record Estimate(double valueUs, double errorUs) {}

  private record Reading(long timeUs, double offsetUs) {}

  /** Readings fewer than this bracket nothing useful. */
  static final int MIN_READINGS = 8;

  private final long windowUs;
  private final ArrayDeque<Reading> readings = new ArrayDeque<>();

  /** @param windowUs how long readings are kept: long enough to catch every phase, short enough
   *     for the drift's uncertainty to stay small over it */
  SteppedOffset(long windowUs) {
    this.windowUs = windowUs;
  }

  void add(long timeUs, double offsetUs) {
    readings.addLast(new Reading(timeUs, offsetUs));
    while (timeUs - readings.peekFirst().timeUs > windowUs) {
      readings.removeFirst();
    }
  }

  void clear() {
    readings.clear();
  }

  /**
   * The offset at {@code nowUs}, if the readings carried along {@code slope} (± {@code
   * slopeError}, µs per µs) span no more than {@code stepUs}.
   */
  Optional<Estimate> estimate(long nowUs, long stepUs, double slope, double slopeError) {
    if (stepUs <= 0 || readings.size() < MIN_READINGS || !Double.isFinite(slopeError)) {
      return Optional.empty();
    }
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    double oldestAgeUs = 0;
    for (Reading reading : readings) {
      double ageUs = nowUs - reading.timeUs;
      double carried = reading.offsetUs + slope * ageUs;
      lowest = Math.min(lowest, carried);
      highest = Math.max(highest, carried);
      oldestAgeUs = Math.max(oldestAgeUs, ageUs);
    }
    double rangeUs = highest - lowest;
    if (rangeUs > stepUs) {
      return Optional.empty();
    }
    // Uniform over the bracket left (step − range), plus what the drift's error moves the ends by.
    double bracketUs = stepUs - rangeUs;
    double errorUs = bracketUs / Math.sqrt(12) + slopeError * oldestAgeUs;
    return Optional.of(new Estimate((lowest + highest) / 2, errorUs));
  }
}
