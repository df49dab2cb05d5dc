package io.syncer.protocol.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.simulation.NetworkPath;
import io.syncer.protocol.simulation.SimulatedParticipant;
import io.syncer.protocol.simulation.Simulation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Syncer's policy on virtual time: it converges and then neither oscillates nor seeks. */
class SyncerDriftConvergenceTest {

  private static final long CONVERGENCE_LIMIT_US = 300_000_000;
  private static final long OBSERVED_AFTER_CONVERGENCE_US = 240_000_000;

  @Property(tries = 15)
  void convergesWithoutOscillationAndNeverSeeksAfterwards(
      @ForAll long seed,
      @ForAll @LongRange(min = -3_000_000, max = 3_000_000) long initialOffsetUs,
      @ForAll @LongRange(min = 1_000, max = 200_000) long baseRoundTripUs,
      @ForAll @LongRange(min = 0, max = 40_000) long jitterUs,
      @ForAll @DoubleRange(min = -300, max = 300) double skewPpm,
      @ForAll boolean stepReported) {
    Simulation simulation = new Simulation(seed);
    SimulatedParticipant.Spec spec =
        SimulatedParticipant.Spec.of(
            SyncerDriftPolicy.defaults(),
            skewPpm,
            NetworkPath.symmetric(baseRoundTripUs, jitterUs),
            initialOffsetUs);
    SimulatedParticipant participant =
        simulation.join(stepReported ? spec.reportingStep() : spec);
    while (participant.firstConvergedAtUs() < 0 && simulation.nowUs() < CONVERGENCE_LIMIT_US) {
      simulation.runUntil(simulation.nowUs() + 1_000_000);
    }
    assertThat(participant.firstConvergedAtUs()).as("convergence").isNotNegative();
    double frameStepUs = participant.spec().player().frameStepUs();
    long end = simulation.nowUs() + OBSERVED_AFTER_CONVERGENCE_US;
    simulation.runUntil(
        end,
        1_000_000,
        s -> {
          // The player reports the start of the frame on screen, half a frame behind on average,
          // so its true position settles half a frame ahead of the timeline.
          assertThat(participant.trueOffsetUs() - frameStepUs / 2)
              .as("true offset at %d µs", s.nowUs())
              .isBetween(-15_000.0, 15_000.0);
          assertThat(participant.lastDecision().orElseThrow().converged()).isTrue();
        });
    CorrectionHistory history = CorrectionHistory.of(participant);
    assertThat(history.seeks()).as("seeks after convergence").isZero();
    assertThat(history.nudgesAlternate()).as("nudges %s", history.nudgeDirections()).isFalse();
  }
}
