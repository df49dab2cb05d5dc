package io.syncer.protocol.drift;

import io.syncer.protocol.simulation.SimulatedParticipant;
import io.syncer.protocol.simulation.SimulatedParticipant.AppliedCorrection;
import java.util.List;

/**
 * A simulated participant's corrections after its controller first converged, judged against the
 * truth: a rate more than half the smallest nudge away from the rate that keeps the player exactly
 * on the timeline is a correction towards faster (+1) or slower (-1) playback; smaller changes are
 * drift trims.
 */
record CorrectionHistory(List<AppliedCorrection> afterConvergence, double neutralRate) {

  static CorrectionHistory of(SimulatedParticipant participant) {
    long convergedAt = participant.firstConvergedAtUs();
    List<AppliedCorrection> after =
        participant.corrections().stream().filter(c -> c.atUs() >= convergedAt).toList();
    return new CorrectionHistory(after, participant.neutralRate());
  }

  long seeks() {
    return afterConvergence.stream().filter(c -> c.correction() instanceof Correction.SeekTo).count();
  }

  /** Directions of the nudges, in order. */
  List<Integer> nudgeDirections() {
    double threshold = SyncerDriftConfig.defaults().minRateNudge() / 2;
    return afterConvergence.stream()
        .filter(c -> c.correction() instanceof Correction.SetRate)
        .mapToDouble(c -> ((Correction.SetRate) c.correction()).rate() / neutralRate - 1)
        .filter(deviation -> Math.abs(deviation) > threshold)
        .mapToObj(deviation -> deviation > 0 ? 1 : -1)
        .toList();
  }

  /** Whether two consecutive nudges went opposite ways: an overshoot corrected back. */
  boolean nudgesAlternate() {
    List<Integer> directions = nudgeDirections();
    for (int i = 1; i < directions.size(); i++) {
      if (!directions.get(i).equals(directions.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  long rateChanges() {
    return afterConvergence.stream().filter(c -> c.correction() instanceof Correction.SetRate).count();
  }
}
