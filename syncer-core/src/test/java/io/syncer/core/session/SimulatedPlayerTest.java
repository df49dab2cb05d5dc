package io.syncer.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.time.ManualClock;
import org.junit.jupiter.api.Test;

class SimulatedPlayerTest {

  private final ManualClock clock = new ManualClock(1_000_000);
  private final SimulatedPlayer player = new SimulatedPlayer(clock, 200_000);

  @Test
  void advancesOnlyWhilePlayingAtItsRate() {
    clock.advance(500_000);
    assertThat(player.positionUs()).isZero();
    player.play();
    clock.advance(1_000_000);
    assertThat(player.positionUs()).isEqualTo(1_000_000);
    player.setRate(1.05);
    clock.advance(1_000_000);
    assertThat(player.positionUs()).isEqualTo(2_050_000);
    player.pause();
    clock.advance(1_000_000);
    assertThat(player.positionUs()).isEqualTo(2_050_000);
  }

  @Test
  void aSeekFreezesForItsLatencyThenPlaysOnFromTheTarget() {
    player.play();
    clock.advance(1_000_000);
    player.seek(60_000_000);
    assertThat(player.state()).isEqualTo(PlayerState.BUFFERING);
    clock.advance(150_000);
    assertThat(player.positionUs()).isEqualTo(1_000_000);
    clock.advance(150_000);
    assertThat(player.state()).isEqualTo(PlayerState.READY);
    assertThat(player.positionUs()).isEqualTo(60_100_000);
    assertThat(player.seeks()).isEqualTo(1);
  }

  @Test
  void aStallFreezesThePositionUntilReleased() {
    player.play();
    clock.advance(1_000_000);
    player.stall(true);
    clock.advance(5_000_000);
    assertThat(player.state()).isEqualTo(PlayerState.BUFFERING);
    assertThat(player.bufferedAheadUs()).isZero();
    assertThat(player.positionUs()).isEqualTo(1_000_000);
    player.stall(false);
    clock.advance(1_000_000);
    assertThat(player.positionUs()).isEqualTo(2_000_000);
  }
}
