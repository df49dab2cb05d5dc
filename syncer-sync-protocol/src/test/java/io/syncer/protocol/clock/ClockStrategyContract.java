package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.simulation.ClockLink;
import io.syncer.protocol.simulation.NetworkPath;
import io.syncer.protocol.simulation.Simulation;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** What every {@link ClockStrategy} must do; one subclass per implementation runs it. */
abstract class ClockStrategyContract {

  /** Simulated clocks round to whole microseconds, on both sides of an exchange. */
  static final long SIMULATION_ROUNDING_US = 2;

  abstract ClockStrategy newStrategy();

  @Property(tries = 25)
  void theTrueOffsetStaysWithinTheReportedBoundUnderSymmetricJitter(
      @ForAll long seed,
      @ForAll @LongRange(min = 200, max = 400_000) long baseRoundTripUs,
      @ForAll @LongRange(min = 0, max = 100_000) long jitterUs,
      @ForAll @DoubleRange(min = -400, max = 400) double skewPpm,
      @ForAll @DoubleRange(min = 0, max = 0.1) double lossProbability) {
    Simulation simulation = new Simulation(seed);
    ClockLink link =
        simulation.link(
            newStrategy(), skewPpm, new NetworkPath(baseRoundTripUs, jitterUs, 0, lossProbability));
    long checks = 0;
    for (long t = 250_000; t <= 240_000_000; t += 250_000) {
      simulation.runUntil(t);
      var estimate = link.estimate();
      if (estimate.isPresent()) {
        long errorUs = Math.abs(estimate.get().offsetUs() - link.trueOffsetUs());
        assertThat(errorUs)
            .as("at %d µs: %s", t, estimate.get())
            .isLessThanOrEqualTo(estimate.get().errorBoundUs() + SIMULATION_ROUNDING_US);
        checks++;
      }
    }
    assertThat(checks).isPositive();
    assertThat(link.count(SampleOutcome.CLOCK_STEP)).isZero();
    assertThat(link.count(SampleOutcome.INVALID) + link.count(SampleOutcome.UNSOLICITED)).isZero();
  }

  @Example
  void asksForTheFirstSampleAtOnceAndTheNextOneLater() {
    ClockStrategy strategy = newStrategy();
    assertThat(strategy.nextRequestAtUs()).isEqualTo(Long.MIN_VALUE);
    strategy.requestSent(5_000);
    assertThat(strategy.nextRequestAtUs()).isGreaterThan(5_000);
  }

  @Example
  void knowsNothingBeforeASampleArrives() {
    ClockStrategy strategy = newStrategy();
    strategy.requestSent(5_000);
    assertThat(strategy.estimate(6_000)).isEmpty();
  }

  @Example
  void refusesUnsolicitedAndImpossibleSamples() {
    ClockStrategy strategy = newStrategy();
    assertThat(strategy.addSample(new ClockSample(1_000, 2_000, 2_000, 3_000)))
        .isEqualTo(SampleOutcome.UNSOLICITED);
    strategy.requestSent(1_000);
    assertThat(strategy.addSample(new ClockSample(1_000, 2_000, 2_000, 500)))
        .isEqualTo(SampleOutcome.INVALID);
    assertThat(strategy.estimate(3_000)).isEmpty();
  }

  @Example
  void usesAValidSample() {
    ClockStrategy strategy = newStrategy();
    strategy.requestSent(1_000);
    assertThat(strategy.addSample(new ClockSample(1_000, 90_000, 90_000, 3_000)))
        .isEqualTo(SampleOutcome.ACCEPTED);
    ClockEstimate estimate = strategy.estimate(3_000).orElseThrow();
    assertThat(estimate.sampleCount()).isEqualTo(1);
    assertThat(estimate.offsetUs()).isBetween(87_000L, 89_000L);
    assertThat(estimate.errorBoundUs()).isGreaterThanOrEqualTo(1_000);
  }
}
