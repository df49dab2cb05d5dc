package io.syncer.protocol.drift;

import static io.syncer.protocol.drift.Observations.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyncerDriftControllerTest {

  private final DriftController controller = SyncerDriftPolicy.defaults().newController();

  /** Ticks a perfectly steady player {@code aheadUs} off until the controller has converged. */
  private long convergeAt(long aheadUs) {
    for (long t = 0; t < 300_000_000; t += 100_000) {
      if (controller.onTick(at(t, aheadUs)).converged()) {
        return t;
      }
    }
    throw new AssertionError("did not converge");
  }

  @Test
  void seeksBeforeConvergenceCompensatingTheSeekLatency() {
    List<Correction> corrections = new ArrayList<>();
    for (long t = 0; t < 2_000_000; t += 100_000) {
      corrections.add(controller.onTick(at(t, -2_000_000)).correction());
    }
    // The filter needs a second of readings; the target is where the media will be once the
    // 250 ms seek completes.
    assertThat(corrections).contains(new Correction.SeekTo(1_000_000 + 250_000));
    assertThat(corrections.stream().filter(c -> c instanceof Correction.SeekTo)).hasSize(1);
  }

  @Test
  void reportsAnUnfilteredOffsetWithAWideErrorUntilItHasASecondOfReadings() {
    DriftDecision first = controller.onTick(at(0, 30_000));
    assertThat(first.offsetUs()).isEqualTo(30_000);
    assertThat(first.offsetErrorUs())
        .isEqualTo(SyncerDriftController.UNFILTERED_READING_ERROR_US + 1_000);
    assertThat(first.converged()).isFalse();
  }

  @Test
  void correctsSmallOffsetsWithBoundedRateChangesAndNeverSeeks() {
    SplittableRandom random = new SplittableRandom(7);
    double playerRate = 1.0;
    double aheadUs = 300_000;
    for (long t = 0; t < 120_000_000; t += 100_000) {
      long reading = Math.round(aheadUs) + random.nextLong(-2_000, 2_001);
      Correction correction = controller.onTick(at(t, reading, playerRate)).correction();
      assertThat(correction).isNotInstanceOf(Correction.SeekTo.class);
      if (correction instanceof Correction.SetRate setRate) {
        assertThat(setRate.rate()).isBetween(0.95, 1.05);
        playerRate = setRate.rate();
      }
      aheadUs += (playerRate - 1) * 100_000;
    }
    assertThat(Math.abs(aheadUs)).isLessThan(3_000);
  }

  @Test
  void staysConvergedThroughAShortGlitchWithoutSeeking() {
    long convergedAt = convergeAt(1_000);
    long t = convergedAt;
    for (int i = 0; i < 10; i++) {
      t += 100_000;
      DriftDecision decision = controller.onTick(at(t, 400_000));
      assertThat(decision.correction()).isNotInstanceOf(Correction.SeekTo.class);
    }
    for (int i = 0; i < 100; i++) {
      t += 100_000;
      DriftDecision decision = controller.onTick(at(t, 1_000));
      assertThat(decision.correction()).isNotInstanceOf(Correction.SeekTo.class);
      assertThat(decision.converged()).isTrue();
    }
  }

  @Test
  void aSustainedJumpEndsConvergenceSoItCanBeFixedBySeeking() {
    long t = convergeAt(1_000);
    Correction seek = null;
    for (int i = 0; i < 100 && seek == null; i++) {
      t += 100_000;
      DriftDecision decision = controller.onTick(at(t, -3_000_000));
      if (decision.correction() instanceof Correction.SeekTo) {
        assertThat(decision.converged()).isFalse();
        seek = decision.correction();
      }
    }
    assertThat(seek).isEqualTo(new Correction.SeekTo(t + 250_000));
  }

  @Test
  void keepsItsTrimAcrossAReset() {
    // A player drifting behind at 100 ppm: the controller learns to play 100 ppm faster.
    double aheadUs = 0;
    double playerRate = 1.0;
    long t = 0;
    for (; t < 240_000_000; t += 100_000) {
      Correction correction = controller.onTick(at(t, Math.round(aheadUs), playerRate)).correction();
      if (correction instanceof Correction.SetRate setRate) {
        playerRate = setRate.rate();
      }
      aheadUs += (playerRate - 1 - 100e-6) * 100_000;
    }
    assertThat((playerRate - 1) * 1e6).isBetween(85.0, 115.0);
    controller.reset();
    Correction afterReset = Correction.none();
    for (long end = t + 2_000_000; t < end && afterReset instanceof Correction.None; t += 100_000) {
      afterReset = controller.onTick(at(t, 0, 1.0)).correction();
    }
    assertThat(afterReset).isInstanceOf(Correction.SetRate.class);
    assertThat((((Correction.SetRate) afterReset).rate() - 1) * 1e6).isBetween(85.0, 115.0);
  }

  @Test
  void aReportedFrameStepPinsTheOffsetOfAFrameSteppedPlayerWithinSecondsOfARestart() {
    long stepUs = 41_708;
    long trueOffsetUs = 3_000;
    DriftController told = SyncerDriftPolicy.defaults().newController();
    DriftController guessing = SyncerDriftPolicy.defaults().newController();
    SplittableRandom random = new SplittableRandom(11);
    DriftDecision withStep = null;
    DriftDecision withoutStep = null;
    long restartAt = 60_000_000;
    boolean restarted = false;
    for (long t = 0; t < restartAt + 5_000_000; t += 80_000 + random.nextLong(40_001)) {
      if (t >= restartAt && !restarted) {
        // As after a seek: the filter starts again, what it learnt of the drift stays.
        told.reset();
        guessing.reset();
        restarted = true;
      }
      // Reads the start of the frame on screen: half a step below its media on average, so the
      // controller keeps the media half a step ahead.
      long exact = t + stepUs / 2 + trueOffsetUs;
      long reported = Math.floorDiv(exact, stepUs) * stepUs;
      withStep = told.onTick(new PlayerObservation(t, t, reported, 1.0, 1.0, 250_000, 0, stepUs));
      withoutStep = guessing.onTick(new PlayerObservation(t, t, reported, 1.0, 1.0, 250_000, 0, 0));
    }
    assertThat(withStep.offsetUs()).isBetween(trueOffsetUs - 1_000, trueOffsetUs + 1_000);
    assertThat(withStep.offsetErrorUs()).isLessThan(withoutStep.offsetErrorUs() / 3);
  }

  @Test
  void refusesObservationsThatGoBackInTime() {
    controller.onTick(at(1_000_000, 0));
    assertThatThrownBy(() -> controller.onTick(at(999_999, 0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
