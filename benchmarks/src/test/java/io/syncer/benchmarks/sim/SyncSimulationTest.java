package io.syncer.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.drift.JellyfinLikePolicy;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.drift.SyncerDriftPolicy;
import io.syncer.protocol.drift.SyncplayLikePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Short simulations (two simulated minutes): repeatable, Syncer's policy behaves and beats the
 * baselines.
 */
class SyncSimulationTest {

  private static final long TWO_MINUTES_US = 120_000_000;

  private static SimResult run(Scenario scenario, long seed) {
    return run(scenario, seed, SyncerDriftPolicy.defaults());
  }

  private static SimResult run(Scenario scenario, long seed, SyncPolicy policy) {
    return new SyncSimulation(scenario, seed, TWO_MINUTES_US).run(policy);
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
  void theTraceHasEverySampleAndEveryCommandTheFiguresCameFrom() {
    StringBuilder trace = new StringBuilder();
    SimResult result =
        new SyncSimulation(Scenario.LAN, 1, TWO_MINUTES_US).run(SyncerDriftPolicy.defaults(), trace);

    List<String> lines = trace.toString().lines().toList();
    List<String> commands = lines.stream().filter(l -> l.startsWith("command syncer ")).toList();
    List<String> samples = lines.stream().filter(l -> l.startsWith("sample syncer ")).toList();
    assertThat(commands).hasSize(result.commandSpreadMs().count());
    assertThat(samples).hasSizeGreaterThanOrEqualTo(result.offsetMs().count());
    double widest = commands.stream().mapToDouble(l -> Double.parseDouble(l.split(" ")[4])).max().orElseThrow();
    assertThat(widest).isCloseTo(result.commandSpreadMs().max(), org.assertj.core.data.Offset.offset(0.001));
    assertThat(samples.get(0).split(" ")).hasSize(5 + SyncSimulation.PARTICIPANTS);
    assertThat(json(Scenario.LAN, 1, result))
        .isEqualTo(json(Scenario.LAN, 1, new SyncSimulation(Scenario.LAN, 1, TWO_MINUTES_US)
            .run(SyncerDriftPolicy.defaults())));
  }

  @Test
  void onWanSyncersPolicyKeepsTheRoomCloserThanBothBaselines() {
    SimResult syncer = run(Scenario.WAN, 3);
    SimResult syncplay = run(Scenario.WAN, 3, new SyncplayLikePolicy());
    SimResult jellyfin = run(Scenario.WAN, 3, JellyfinLikePolicy.withCorrection());

    assertThat(syncer.offsetMs().p95())
        .isLessThan(syncplay.offsetMs().p95())
        .isLessThan(jellyfin.offsetMs().p95());
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
