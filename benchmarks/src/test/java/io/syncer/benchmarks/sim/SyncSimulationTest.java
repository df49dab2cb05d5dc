package io.syncer.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.drift.SyncerDriftPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short simulations (two simulated minutes): repeatable, and Syncer's policy behaves. */
class SyncSimulationTest {

  private static final long TWO_MINUTES_US = 120_000_000;

  private static SimResult run(Scenario scenario, long seed) {
    return new SyncSimulation(scenario, seed, TWO_MINUTES_US).run(SyncerDriftPolicy.defaults());
  }

  private static Object json(Scenario scenario, long seed, SimResult result) {
    return SimReport.json(scenario, seed, 2, List.of(result));
  }

  @Test
  void theSameSeedGivesTheSameFiguresAndAnotherSeedOthers() {
    SimResult first = run(Scenario.WAN, 1);
    SimResult again = run(Scenario.WAN, 1);
    SimResult other = run(Scenario.WAN, 2);

    assertThat(json(Scenario.WAN, 1, again)).isEqualTo(json(Scenario.WAN, 1, first));
    assertThat(again.series()).hasSameSizeAs(first.series());
    for (int i = 0; i < first.series().size(); i++) {
      assertThat(again.series().get(i)).containsExactly(first.series().get(i));
    }
    assertThat(other.offsetMs()).isNotEqualTo(first.offsetMs());
  }

  @Test
  void syncersPolicyConvergesAndNeverSeeksAfterwardsOnWan() {
    SimResult result = run(Scenario.WAN, 3);

    assertThat(result.errors()).isEmpty();
    assertThat(result.offsetMs().count()).isGreaterThan(100);
    assertThat(result.offsetMs().p95()).isLessThan(Measurements.CONVERGED_BAND_US / 1000.0);
    assertThat(result.convergeAfterSeekS().count()).isGreaterThan(0);
    assertThat(result.seeksAfterConvergence()).isZero();
    assertThat(result.commandSpreadMs().count()).isGreaterThan(0);
    // Members apply commands at the scheduled time, within their clock errors of each other.
    assertThat(result.commandSpreadMs().p50()).isLessThan(40);
  }
}
