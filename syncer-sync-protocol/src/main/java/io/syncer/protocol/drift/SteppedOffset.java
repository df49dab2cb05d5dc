package io.syncer.protocol.drift;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The offset of a player whose reported position moves in steps (the start of the frame on screen),
 * from the middle of the range its recent readings span.
 *
 * <p>Each reading is the true offset (of the media the player presents) minus a phase in {@code
 * [0, step)}; the controller's ticks are irregular, so the phases are spread over the whole step.
 * Once the readings are carried to now along the drift, the true offset is at least the largest of
 * them and less than the smallest plus one step, and the middle of that bracket is far more precise
 * than a mean of the readings: its error shrinks like {@code step / n} rather than {@code step /
 * √n}. The drift need not be known well: the readings themselves tell which slopes fit them. Noise
 * other than the step (a jittery clock estimate, a player that presents frames unevenly) widens
 * the range beyond one step; the estimate is then refused and the caller keeps its line fit.
 *
 * <p>Not thread-safe; owned by one controller.
 */
final class SteppedOffset {

  /** The true offset (the middle of its bracket) and its standard error, µs. */
  record Estimate(double valueUs, double errorUs) {}

  private record Reading(long timeUs, double offsetUs) {}

  /** Readings fewer than this bracket nothing useful. */
  static final int MIN_READINGS = 8;
  /** How far from the slope it is given the slope may be, in its standard errors. */
  static final double SLOPE_SIGMAS = 4;
  /** The widest slope considered, µs per µs: clocks and players off by up to 1000 ppm. */
  static final double MAX_SLOPE = 1000e-6;
  /** Iterations of each search over slopes: each narrows the interval by a third or a half. */
  private static final int SEARCH_STEPS = 40;

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
   * The offset at {@code nowUs}, if the readings, carried along some slope within {@value
   * #SLOPE_SIGMAS} × {@code slopeError} of {@code slope} (µs per µs; an infinite error: any slope
   * within ±{@value #MAX_SLOPE}), span no more than {@code stepUs}.
   *
   * <p>Every slope under which the readings fit within one step is possible, and so is every
   * offset each of them leaves: the estimate is the middle of those offsets. Carried along the
   * smallest possible slope, the readings are lowest; along the largest, highest (each reading is
   * older than now), so the possible offsets are bracketed by those two carries.
   */
  Optional<Estimate> estimate(long nowUs, long stepUs, double slope, double slopeError) {
    if (stepUs <= 0 || readings.size() < MIN_READINGS || Double.isNaN(slopeError)) {
      return Optional.empty();
    }
    int n = readings.size();
    double[] ages = new double[n];
    double[] offsets = new double[n];
    int i = 0;
    for (Reading reading : readings) {
      ages[i] = nowUs - reading.timeUs;
      offsets[i] = reading.offsetUs;
      i++;
    }
    double reach = Math.min(MAX_SLOPE, SLOPE_SIGMAS * slopeError);
    double narrowest = narrowestSlope(ages, offsets, slope - reach, slope + reach);
    if (range(ages, offsets, narrowest) > stepUs) {
      return Optional.empty();
    }
    double lowestSlope = lastFitting(ages, offsets, stepUs, narrowest, slope - reach);
    double highestSlope = lastFitting(ages, offsets, stepUs, narrowest, slope + reach);
    double lowerUs = Double.NEGATIVE_INFINITY;
    double upperUs = Double.POSITIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      lowerUs = Math.max(lowerUs, offsets[k] + lowestSlope * ages[k]);
      upperUs = Math.min(upperUs, offsets[k] + highestSlope * ages[k] + stepUs);
    }
    return Optional.of(new Estimate((lowerUs + upperUs) / 2, (upperUs - lowerUs) / Math.sqrt(12)));
  }

  /** The slope in {@code [from, to]} under which the carried readings span the least. */
  private static double narrowestSlope(double[] ages, double[] offsets, double from, double to) {
    // The span is convex in the slope (a maximum of lines minus a minimum of lines).
    double low = from;
    double high = to;
    for (int k = 0; k < SEARCH_STEPS && high - low > 0; k++) {
      double third = (high - low) / 3;
      if (range(ages, offsets, low + third) <= range(ages, offsets, high - third)) {
        high -= third;
      } else {
        low += third;
      }
    }
    return (low + high) / 2;
  }

  /**
   * From {@code fitting} (under which the readings span at most a step) towards {@code limit}:
   * the farthest slope under which they still do.
   */
  private static double lastFitting(
      double[] ages, double[] offsets, long stepUs, double fitting, double limit) {
    if (range(ages, offsets, limit) <= stepUs) {
      return limit;
    }
    double inside = fitting;
    double outside = limit;
    for (int k = 0; k < SEARCH_STEPS; k++) {
      double middle = (inside + outside) / 2;
      if (range(ages, offsets, middle) <= stepUs) {
        inside = middle;
      } else {
        outside = middle;
      }
    }
    return inside;
  }

  private static double range(double[] ages, double[] offsets, double slope) {
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < ages.length; k++) {
      double carried = offsets[k] + slope * ages[k];
      lowest = Math.min(lowest, carried);
      highest = Math.max(highest, carried);
    }
    return highest - lowest;
  }
}
