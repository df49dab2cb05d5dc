package io.syncer.protocol.drift;

import static io.syncer.protocol.drift.Observations.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncplayLikeControllerTest {

  private final DriftController controller = new SyncplayLikePolicy().newController();

  @Test
  void slowsDownOnlyWhenMoreThanOneAndAHalfSecondsAheadUntilWithinATenth() {
    assertThat(controller.onTick(at(0, 1_500_000)).correction()).isEqualTo(Correction.none());
    assertThat(controller.onTick(at(1_000_000, 1_500_001)).correction())
        .isEqualTo(new Correction.SetRate(0.95));
    assertThat(controller.onTick(at(2_000_000, 500_000, 0.95)).correction())
        .isEqualTo(Correction.none());
    assertThat(controller.onTick(at(3_000_000, 99_999, 0.95)).correction())
        .isEqualTo(new Correction.SetRate(1.0));
  }

  @Test
  void neverSpeedsUp() {
    for (long t = 0; t < 10_000_000; t += 1_000_000) {
      assertThat(controller.onTick(at(t, -1_700_000)).correction()).isEqualTo(Correction.none());
    }
  }

  @Test
  void rewindsToTheRoomPositionWhenMoreThanFourSecondsAhead() {
    assertThat(controller.onTick(at(10_000_000, 4_000_000)).correction())
        .isEqualTo(new Correction.SetRate(0.95));
    assertThat(controller.onTick(at(11_000_000, 4_000_001, 0.95)).correction())
        .isEqualTo(new Correction.SeekTo(11_000_000));
  }

  @Test
  void fastForwardsAfterBeingFarBehindForAWhileThenHoldsOff() {
    long behind = -6_000_000;
    // First detected at 0 s; the duration must exceed 5 - 1.75 = 3.25 s.
    for (long t = 0; t <= 3_000_000; t += 1_000_000) {
      assertThat(controller.onTick(at(t, behind)).correction()).as("at %d", t).isEqualTo(Correction.none());
    }
    assertThat(controller.onTick(at(4_000_000, behind)).correction())
        .isEqualTo(new Correction.SeekTo(4_250_000));
    // Held off for 3 s: first detection is set 3 s into the future.
    for (long t = 5_000_000; t <= 10_000_000; t += 1_000_000) {
      assertThat(controller.onTick(at(t, behind)).correction()).as("at %d", t).isEqualTo(Correction.none());
    }
    assertThat(controller.onTick(at(11_000_000, behind)).correction())
        .isEqualTo(new Correction.SeekTo(11_250_000));
  }

  @Test
  void beingBehindOnlyUpToFiveSecondsIsLeftAlone() {
    for (long t = 0; t < 20_000_000; t += 1_000_000) {
      assertThat(controller.onTick(at(t, -4_900_000)).correction()).isEqualTo(Correction.none());
    }
  }

  @Test
  void actsAtMostOncePerStateMessage() {
    assertThat(controller.onTick(at(0, 2_000_000)).correction()).isInstanceOf(Correction.SetRate.class);
    assertThat(controller.onTick(at(900_000, 0, 0.95)).correction()).isEqualTo(Correction.none());
    assertThat(controller.onTick(at(1_000_000, 0, 0.95)).correction())
        .isEqualTo(new Correction.SetRate(1.0));
  }

  @Test
  void reportsTheRawOffset() {
    DriftDecision decision = controller.onTick(at(0, 123_456));
    assertThat(decision.offsetUs()).isEqualTo(123_456);
    assertThat(decision.converged()).isTrue();
  }
}
