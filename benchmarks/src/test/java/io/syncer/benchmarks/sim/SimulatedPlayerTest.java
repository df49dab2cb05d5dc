package io.syncer.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.time.ManualClock;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The player model: frame-stepped reports, seek latency, rate-change lag, device clock. */
class SimulatedPlayerTest {

  private final ManualClock trueClock = new ManualClock(0);
  private final EmulatedClock device =
      new EmulatedClock(new VirtualScheduler(trueClock), 5_000_000, 100);
  private final SimulatedPlayer player =
      new SimulatedPlayer(
          device, new SimulatedPlayer.Model(40_000, 150_000, 200_000, 800_000),
          new SplittableRandom(3));

  @Test
  void playsOnTheDeviceClockAndReportsFrameStarts() {
    player.play();
    trueClock.advance(10_000_000);

    // 10 s of true time are 10.001 s on a clock running 100 ppm fast.
    assertThat(player.exactPositionUs()).isCloseTo(10_001_000, offset(1.0));
    assertThat(player.positionUs()).isEqualTo(10_000_000);
    assertThat(player.positionUs() % 40_000).isZero();
  }

  @Test
  void aSeekFreezesThePictureForItsLatencyThenShowsTheTarget() {
    player.play();
    trueClock.advance(1_000_000);
    double before = player.exactPositionUs();
    player.seek(60_000_000);
    trueClock.advance(190_000);

    assertThat(player.seeking()).isTrue();
    assertThat(player.state()).isEqualTo(PlayerState.BUFFERING);
    assertThat(player.exactPositionUs()).isEqualTo(before);
    trueClock.advance(700_000);
    assertThat(player.seeking()).isFalse();
    assertThat(player.state()).isEqualTo(PlayerState.READY);
    assertThat(player.exactPositionUs()).isBetween(60_000_000.0, 60_700_000.0);
    assertThat(player.seekLatencyUs()).isBetween(350_000L, 650_000L);
  }

  @Test
  void aRateChangeTakesEffectAfterTheLag() {
    player.play();
    player.setRate(1.05);
    trueClock.advance(100_000);
    assertThat(player.rate()).isEqualTo(1.0);
    trueClock.advance(100_000);
    assertThat(player.rate()).isEqualTo(1.05);
  }
}
