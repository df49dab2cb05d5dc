package io.syncer.protocol.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.simulation.NetworkPath;
import io.syncer.protocol.simulation.SimulatedParticipant;
import io.syncer.protocol.simulation.Simulation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's acceptance scenario on virtual time: two participants following Syncer's policy, one
 * clock 200 ppm fast and one 200 ppm slow, each 80 ms from the server on average (60 ms base round
 * trip plus 0–20 ms of uniform jitter in each direction), players with 40 ms frames, 100 ms
 * rate-change lag and 150–400 ms seeks, starting 300 ms ahead and 150 ms behind. Over the ten
 * minutes after both controllers report convergence, their true playback positions must stay
 * within 10 ms of each other 95 % of the time, with no seek.
 */
class AcceptanceScenarioTest {

  private static final long SEED = 20_261_124;
  private static final long MEASURED_US = 600_000_000;
  private static final long CONVERGENCE_LIMIT_US = 300_000_000;
  private static final double LIMIT_US = 10_000;

  @Test
  void twoParticipantsStayWithinTenMillisecondsWithoutSeeking() {
    Simulation simulation = new Simulation(SEED);
    NetworkPath path = NetworkPath.symmetric(60_000, 20_000);
    SyncPolicy policy = SyncerDriftPolicy.defaults();
    SimulatedParticipant fast = simulation.join(SimulatedParticipant.Spec.of(policy, 200, path, 300_000));
    SimulatedParticipant slow = simulation.join(SimulatedParticipant.Spec.of(policy, -200, path, -150_000));
    long lastApartBeyondLimitUs = 0;
    while ((fast.firstConvergedAtUs() < 0 || slow.firstConvergedAtUs() < 0)
        && simulation.nowUs() < CONVERGENCE_LIMIT_US) {
      simulation.runUntil(simulation.nowUs() + 100_000);
      if (!fast.playing()
          || !slow.playing()
          || Math.abs(fast.trueOffsetUs() - slow.trueOffsetUs()) > LIMIT_US) {
        lastApartBeyondLimitUs = simulation.nowUs();
      }
    }
    assertThat(fast.firstConvergedAtUs()).as("fast participant converged").isNotNegative();
    assertThat(slow.firstConvergedAtUs()).as("slow participant converged").isNotNegative();
    long convergedAtUs = simulation.nowUs();

    List<Double> apartUs = new ArrayList<>();
    simulation.runUntil(
        convergedAtUs + MEASURED_US,
        100_000,
        s -> apartUs.add(Math.abs(fast.trueOffsetUs() - slow.trueOffsetUs())));
    long measurementsBeyondLimit = apartUs.stream().filter(apart -> apart > LIMIT_US).count();
    Collections.sort(apartUs);
    double p95Ms = apartUs.get((int) Math.ceil(apartUs.size() * 0.95) - 1) / 1000;
    double maxMs = apartUs.get(apartUs.size() - 1) / 1000;
    CorrectionHistory fastHistory = CorrectionHistory.of(fast);
    CorrectionHistory slowHistory = CorrectionHistory.of(slow);
    System.out.printf(
        "acceptance: within 10 ms of each other from %.1f s on (%d later samples beyond);"
            + " controllers converged after %.1f s; over the next 10 min the players were apart by"
            + " p95 %.2f ms, max %.2f ms; after convergence: seeks %d, rate changes %d"
            + " (of which nudges %d)%n",
        lastApartBeyondLimitUs / 1e6,
        measurementsBeyondLimit,
        convergedAtUs / 1e6,
        p95Ms,
        maxMs,
        fastHistory.seeks() + slowHistory.seeks(),
        fastHistory.rateChanges() + slowHistory.rateChanges(),
        fastHistory.nudgeDirections().size() + slowHistory.nudgeDirections().size());

    assertThat(apartUs).hasSize(6_000);
    assertThat(p95Ms).isLessThanOrEqualTo(10.0);
    assertThat(fastHistory.seeks() + slowHistory.seeks()).isZero();
    assertThat(fast.lastDecision().orElseThrow().converged()).isTrue();
    assertThat(slow.lastDecision().orElseThrow().converged()).isTrue();
  }
}
