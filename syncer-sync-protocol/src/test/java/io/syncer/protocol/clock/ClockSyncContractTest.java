package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.simulation.ClockLink;
import io.syncer.protocol.simulation.NetworkPath;
import io.syncer.protocol.simulation.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class ClockSyncContractTest extends ClockStrategyContract {

  @Override
  ClockStrategy newStrategy() {
    return new ClockSync(ClockSyncConfig.defaults());
  }

  /**
   * With a lopsided path the offset is off by half the asymmetry, which no two-way exchange can
   * see, plus at most half the jitter and what the widest skew adds since the newest sample.
   */
  @Property(tries = 25)
  void theErrorIsHalfTheAsymmetryPlusJitterTerms(
      @ForAll long seed,
      @ForAll @LongRange(min = 200, max = 400_000) long baseRoundTripUs,
      @ForAll @DoubleRange(min = -1, max = 1) double asymmetryShare,
      @ForAll @LongRange(min = 0, max = 100_000) long jitterUs,
      @ForAll @DoubleRange(min = -400, max = 400) double skewPpm) {
    long asymmetryUs = Math.round(asymmetryShare * baseRoundTripUs);
    NetworkPath path = new NetworkPath(baseRoundTripUs, jitterUs, asymmetryUs, 0);
    long upUs = (baseRoundTripUs + asymmetryUs) / 2;
    long downUs = (baseRoundTripUs - asymmetryUs) / 2;
    double maxSkew = ClockSyncConfig.defaults().maxSkewPpm() * 1e-6;
    Simulation simulation = new Simulation(seed);
    ClockLink link = simulation.link(newStrategy(), skewPpm, path);
    for (long t = 250_000; t <= 240_000_000; t += 250_000) {
      simulation.runUntil(t);
      if (link.estimate().isEmpty()) {
        continue;
      }
      ClockEstimate estimate = link.estimate().get();
      double sinceNewestUs = estimate.atLocalUs() - link.newestKeptSample().orElseThrow().localMidpointUs();
      double allowedUs =
          Math.abs(upUs - downUs) / 2.0
              + jitterUs / 2.0
              + maxSkew * (sinceNewestUs + baseRoundTripUs + 2 * jitterUs)
              + SIMULATION_ROUNDING_US;
      assertThat((double) Math.abs(estimate.offsetUs() - link.trueOffsetUs()))
          .as("at %d µs: %s", t, estimate)
          .isLessThanOrEqualTo(allowedUs);
    }
  }
}
