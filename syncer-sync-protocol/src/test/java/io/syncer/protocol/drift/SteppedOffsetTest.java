package io.syncer.protocol.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class SteppedOffsetTest {

  private static final long WINDOW_US = 20_000_000;

  /**
   * Readings of a player that reports frame starts: the true offset drifts along {@code slope},
   * each reading is it minus where in its frame the player is, ticks 100 ± 20 ms apart.
   */
  private static SteppedOffset read(
      long seed, long stepUs, double offsetAtEndUs, double slope, int readings, long endUs) {
    SplittableRandom random = new SplittableRandom(seed);
    SteppedOffset stepped = new SteppedOffset(WINDOW_US);
    long t = endUs;
    long[] times = new long[readings];
    for (int i = readings - 1; i >= 0; i--) {
      times[i] = t;
      t -= 80_000 + random.nextLong(40_001);
    }
    for (long time : times) {
      double trueOffset = offsetAtEndUs + slope * (time - endUs);
      double phase = random.nextDouble() * stepUs;
      stepped.add(time, trueOffset - phase);
    }
    return stepped;
  }

  @Property(tries = 200)
  void theTrueOffsetLiesWithinTheStatedBracket(
      @ForAll long seed,
      @ForAll @LongRange(min = 1_000, max = 100_000) long stepUs,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double offsetUs,
      @ForAll @DoubleRange(min = -500, max = 500) double slopePpm,
      @ForAll @IntRange(min = SteppedOffset.MIN_READINGS, max = 200) int readings) {
    long endUs = 1_000_000_000L;
    double slope = slopePpm * 1e-6;
    SteppedOffset.Estimate estimate =
        read(seed, stepUs, offsetUs, slope, readings, endUs)
            .estimate(endUs, stepUs, slope, 0)
            .orElseThrow();
    // The bracket left is uniform, so it spans ±√3 standard errors.
    assertThat(Math.abs(estimate.valueUs() - offsetUs))
        .isLessThanOrEqualTo(estimate.errorUs() * Math.sqrt(3) + 1e-6);
    assertThat(estimate.errorUs()).isLessThanOrEqualTo(stepUs / Math.sqrt(12) + 1e-6);
  }

  @Property(tries = 50)
  void twoHundredReadingsPinTheOffsetToATenthOfAStep(
      @ForAll long seed, @ForAll @LongRange(min = 1_000, max = 100_000) long stepUs) {
    long endUs = 1_000_000_000L;
    SteppedOffset.Estimate estimate =
        read(seed, stepUs, 0, 0, 200, endUs).estimate(endUs, stepUs, 0, 0).orElseThrow();
    assertThat(Math.abs(estimate.valueUs())).isLessThan(stepUs / 10.0);
  }

  @Property(tries = 100)
  void findsTheDriftItselfWhenItIsUnknown(
      @ForAll long seed,
      @ForAll @LongRange(min = 10_000, max = 100_000) long stepUs,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double offsetUs,
      @ForAll @DoubleRange(min = -500, max = 500) double slopePpm) {
    long endUs = 1_000_000_000L;
    SteppedOffset.Estimate estimate =
        read(seed, stepUs, offsetUs, slopePpm * 1e-6, 200, endUs)
            .estimate(endUs, stepUs, 0, Double.POSITIVE_INFINITY)
            .orElseThrow();
    assertThat(Math.abs(estimate.valueUs() - offsetUs))
        .isLessThanOrEqualTo(estimate.errorUs() * Math.sqrt(3) + 1e-6);
    assertThat(estimate.errorUs()).isLessThan(stepUs / 10.0);
  }

  @Property(tries = 50)
  void aDriftErrorWidensTheStatedError(
      @ForAll long seed, @ForAll @DoubleRange(min = 1, max = 100) double slopeErrorPpm) {
    double slopeError = slopeErrorPpm * 1e-6;
    long endUs = 1_000_000_000L;
    SteppedOffset stepped = read(seed, 41_708, 0, 0, 100, endUs);
    double exact = stepped.estimate(endUs, 41_708, 0, 0).orElseThrow().errorUs();
    double widened = stepped.estimate(endUs, 41_708, 0, slopeError).orElseThrow().errorUs();
    assertThat(widened).isGreaterThan(exact);
  }

  @Property(tries = 50)
  void refusesReadingsThatSpreadBeyondOneStep(@ForAll long seed) {
    long endUs = 1_000_000_000L;
    SteppedOffset stepped = read(seed, 41_708, 0, 0, 50, endUs);
    stepped.add(endUs + 100_000, 30_000);
    stepped.add(endUs + 200_000, -60_000);
    assertThat(stepped.estimate(endUs + 200_000, 41_708, 0, 0)).isEmpty();
  }

  @Property(tries = 20)
  void knowsNothingWithoutAStepOrWithTooFewReadings(@ForAll long seed) {
    long endUs = 1_000_000_000L;
    assertThat(read(seed, 41_708, 0, 0, 50, endUs).estimate(endUs, 0, 0, 0)).isEmpty();
    assertThat(
            read(seed, 41_708, 0, 0, SteppedOffset.MIN_READINGS - 1, endUs)
                .estimate(endUs, 41_708, 0, 0))
        .isEmpty();
  }
}
