package io.syncer.protocol.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.simulation.NetworkPath;
import io.syncer.protocol.simulation.SimulatedParticipant;
import io.syncer.protocol.simulation.Simulation;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** What every {@link SyncPolicy} must do; one subclass per implementation runs it. */
abstract class SyncPolicyContract {

  abstract SyncPolicy policy();

  @Example
  void hasAName() {
    assertThat(policy().name()).isNotBlank().doesNotContainAnyWhitespaces();
  }

  @Example
  void createsFreshClocksAndControllers() {
    assertThat(policy().newClock()).isNotSameAs(policy().newClock());
    assertThat(policy().newController()).isNotSameAs(policy().newController());
  }

  @Example
  void staysQuietWhileThePlayerIsExactlyOnTime() {
    DriftController controller = policy().newController();
    for (long t = 0; t < 600_000_000; t += 100_000) {
      DriftDecision decision = controller.onTick(Observations.at(t, 0));
      assertThat(decision.correction()).as("at %d µs", t).isEqualTo(Correction.none());
      assertThat(decision.offsetErrorUs()).isGreaterThanOrEqualTo(1_000);
    }
  }

  @Property(tries = 30)
  void answersAnyObservationWithAWellFormedDecision(
      @ForAll @LongRange(min = 0, max = 10_000_000_000L) long targetUs,
      @ForAll @LongRange(min = -20_000_000, max = 20_000_000) long aheadUs,
      @ForAll @DoubleRange(min = 0.25, max = 4) double timelineRate,
      @ForAll @LongRange(min = 0, max = 2_000_000) long seekLatencyUs) {
    DriftController controller = policy().newController();
    for (long t = 0; t < 30_000_000; t += 100_000) {
      PlayerObservation observation =
          new PlayerObservation(
              t, targetUs + t, Math.max(0, targetUs + t + aheadUs), timelineRate, timelineRate,
              seekLatencyUs, 2_000, 0);
      DriftDecision decision = controller.onTick(observation);
      assertThat(decision.offsetErrorUs()).isGreaterThanOrEqualTo(observation.clockErrorUs());
      if (decision.correction() instanceof Correction.SetRate setRate) {
        assertThat(setRate.rate() / timelineRate).isBetween(0.1, 10.0);
      }
      if (t == 15_000_000) {
        controller.reset();
      }
    }
  }

  @Property(tries = 5)
  void bringsAPlayerTenSecondsBehindWithinASecond(@ForAll long seed) {
    Simulation simulation = new Simulation(seed);
    SimulatedParticipant participant =
        simulation.join(
            SimulatedParticipant.Spec.of(
                policy(), 100, NetworkPath.symmetric(60_000, 20_000), -10_000_000));
    simulation.runUntil(90_000_000);
    assertThat(Math.abs(participant.trueOffsetUs())).isLessThan(1_000_000);
  }
}
