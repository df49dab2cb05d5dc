package io.syncer.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionGranularityTest {

  private static final long FRAME_US = 41_708;

  /** Readings of a 24000/1001 fps player that reports the start of the frame on screen. */
  private static void readFrameSteppedPlayer(PositionGranularity granularity, int readings) {
    long exact = 10_000_000;
    long local = 0;
    for (int i = 0; i < readings; i++) {
      long step = 80_000 + (i * 7_919L) % 40_001;
      local += step;
      exact += step;
      granularity.observe(local, Math.floorDiv(exact, FRAME_US) * FRAME_US, 1.0);
    }
  }

  @Test
  void aContinuousPlayerHasNone() {
    PositionGranularity granularity = new PositionGranularity();
    for (long t = 0; t < 5_000_000; t += 100_000) {
      granularity.observe(t, 2_000_000 + t, 1.0);
    }
    assertThat(granularity.granularityUs()).isZero();
  }

  @Test
  void aFrameSteppedPlayerReadsUpToAFrameOff() {
    PositionGranularity granularity = new PositionGranularity();
    readFrameSteppedPlayer(granularity, 64);
    assertThat(granularity.granularityUs()).isBetween(FRAME_US / 2, FRAME_US);
  }

  @Test
  void followsTheRateTheMediaPlaysAt() {
    PositionGranularity granularity = new PositionGranularity();
    for (long t = 0; t < 5_000_000; t += 100_000) {
      granularity.observe(t, Math.round(1.05 * t), 1.05);
    }
    assertThat(granularity.granularityUs()).isLessThanOrEqualTo(1);
  }

  @Test
  void aJumpAcrossAnInterruptionOrAGlitchIsNotRounding() {
    PositionGranularity granularity = new PositionGranularity();
    granularity.observe(0, 0, 1.0);
    granularity.observe(100_000, 100_000, 1.0);
    granularity.interrupt();
    granularity.observe(200_000, 90_000_000, 1.0);
    granularity.observe(300_000, 90_100_000, 1.0);
    granularity.observe(400_000, 95_000_000, 1.0);
    assertThat(granularity.granularityUs()).isZero();
  }
}
