package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.headless.VirtualPlayerAdapter.PositionReport;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.time.ManualClock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VirtualPlayerAdapterTest {

  private final ManualClock clock = new ManualClock(0);
  private final VirtualPlayer player =
      new VirtualPlayer(clock, VirtualPlayer.Config.defaults(), new SplittableRandom(5));

  @Test
  void reportsFrameStepsOrTheMediaClockAsAskedFor() {
    VirtualPlayerAdapter frames = new VirtualPlayerAdapter(player, PositionReport.FRAME);
    VirtualPlayerAdapter audio = new VirtualPlayerAdapter(player, PositionReport.CLOCK);
    frames.play();
    clock.advance(1_234_567);
    assertThat(frames.positionUs()).isEqualTo(1_200_000);
    assertThat(audio.positionUs()).isEqualTo(1_234_567);
    assertThat(frames.positionStepUs()).isEqualTo(40_000);
    assertThat(audio.positionStepUs()).isZero();
  }

  @Test
  void isBufferingWhileASeekIsUnderWayAndThenReportsWhatItMeasured() {
    VirtualPlayerAdapter adapter = new VirtualPlayerAdapter(player, PositionReport.CLOCK);
    assertThat(adapter.state()).isEqualTo(PlayerState.READY);
    assertThat(adapter.seekLatencyUs()).isZero();
    adapter.seek(60_000_000);
    assertThat(adapter.state()).isEqualTo(PlayerState.BUFFERING);
    assertThat(adapter.bufferedAheadUs()).isZero();
    clock.advance(400_000);
    assertThat(adapter.state()).isEqualTo(PlayerState.READY);
    assertThat(adapter.bufferedAheadUs()).isPositive();
    assertThat(adapter.positionUs()).isEqualTo(60_000_000);
    assertThat(adapter.seekLatencyUs()).isBetween(150_000L, 400_000L);
  }

  @Test
  void ratesAndPausesGoToThePlayer() {
    VirtualPlayerAdapter adapter = new VirtualPlayerAdapter(player, PositionReport.CLOCK);
    adapter.setRate(1.05);
    clock.advance(10_000);
    assertThat(adapter.rate()).isEqualTo(1.05);
    adapter.play();
    clock.advance(1_000_000);
    adapter.pause();
    clock.advance(1_000_000);
    assertThat(adapter.positionUs()).isEqualTo(1_050_000);
  }
}
