package io.syncer.protocol.drift;

import static io.syncer.protocol.drift.Observations.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JellyfinLikeControllerTest {

  private final DriftController controller = JellyfinLikePolicy.withCorrection().newController();

  /** Jellyfin waits 1.5 s after it starts before its first evaluation. */
  private void started() {
    assertThat(controller.onTick(at(0, 0)).correction()).isEqualTo(Correction.none());
  }

  private static double rateOf(Correction correction) {
    assertThat(correction).isInstanceOf(Correction.SetRate.class);
    return ((Correction.SetRate) correction).rate();
  }

  @Test
  void speedsUpByTheDifferenceOverOneSecondThenReturnsToNormal() {
    started();
    assertThat(rateOf(controller.onTick(at(1_500_000, -100_000)).correction())).isCloseTo(1.1, within(1e-9));
    assertThat(controller.onTick(at(2_400_000, -10_000, 1.1)).correction()).isEqualTo(Correction.none());
    assertThat(controller.onTick(at(2_500_000, 0, 1.1)).correction()).isEqualTo(new Correction.SetRate(1.0));
  }

  @Test
  void slowsDownToNoLessThanAFifthForLongerWhenFarAhead() {
    started();
    assertThat(rateOf(controller.onTick(at(1_500_000, 1_000_000)).correction())).isCloseTo(0.2, within(1e-9));
    // 1 s ahead at 0.2 takes 1.25 s.
    assertThat(controller.onTick(at(2_700_000, 50_000, 0.2)).correction()).isEqualTo(Correction.none());
    assertThat(controller.onTick(at(2_750_000, 10_000, 0.2)).correction()).isEqualTo(new Correction.SetRate(1.0));
  }

  @Test
  void leavesDifferencesUnderSixtyMillisecondsAlone() {
    started();
    DriftDecision decision = controller.onTick(at(1_500_000, 59_000));
    assertThat(decision.correction()).isEqualTo(Correction.none());
    assertThat(decision.converged()).isTrue();
  }

  @Test
  void skipsWhenThreeSecondsOrMoreOff() {
    started();
    assertThat(controller.onTick(at(1_500_000, -3_000_000)).correction())
        .isEqualTo(new Correction.SeekTo(1_500_000));
  }

  @Test
  void skipsFromFourHundredMillisecondsWhenSpeedCorrectionIsOff() {
    DriftController skipOnly = new JellyfinLikePolicy(false, true).newController();
    skipOnly.onTick(at(0, 0));
    assertThat(skipOnly.onTick(at(1_500_000, 399_000)).correction()).isEqualTo(Correction.none());
    assertThat(skipOnly.onTick(at(3_000_000, 400_000)).correction())
        .isEqualTo(new Correction.SeekTo(3_000_000));
    // No correction for 1.5 s after a skip.
    assertThat(skipOnly.onTick(at(4_400_000, 400_000)).correction()).isEqualTo(Correction.none());
  }

  @Test
  void correctsAtMostEveryOneAndAHalfSeconds() {
    started();
    assertThat(controller.onTick(at(1_400_000, -500_000)).correction()).isEqualTo(Correction.none());
    assertThat(controller.onTick(at(1_500_000, -500_000)).correction()).isInstanceOf(Correction.SetRate.class);
  }

  @Test
  void withCorrectionOffItNeverCorrects() {
    DriftController off = new JellyfinLikePolicy(false, false).newController();
    for (long t = 0; t < 20_000_000; t += 100_000) {
      assertThat(off.onTick(at(t, 5_000_000)).correction()).isEqualTo(Correction.none());
    }
  }

  @Test
  void namesSayWhatIsSwitchedOff() {
    assertThat(JellyfinLikePolicy.withCorrection().name()).isEqualTo("jellyfin");
    assertThat(new JellyfinLikePolicy(false, false).name()).isEqualTo("jellyfin-no-correction");
    assertThat(new JellyfinLikePolicy(true, false).name()).isEqualTo("jellyfin-speed-only");
    assertThat(new JellyfinLikePolicy(false, true).name()).isEqualTo("jellyfin-skip-only");
  }
}
