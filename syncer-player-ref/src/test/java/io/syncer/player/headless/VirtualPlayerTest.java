package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.protocol.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class VirtualPlayerTest {

  private static final VirtualPlayer.Config CONFIG = VirtualPlayer.Config.defaults();

  // A tick boundary, so that "the next tick" is exactly 10 ms away.
  private final ManualClock clock = new ManualClock(1_000_000_000L);
  private final VirtualPlayer player = new VirtualPlayer(clock, CONFIG, new SplittableRandom(7));

  @Test
  void startsPausedAtZeroAndStaysThere() {
    clock.advance(5_000_000);
    assertThat(player.paused()).isTrue();
    assertThat(player.positionMicros()).isZero();
    assertThat(player.rate()).isEqualTo(1.0);
  }

  @Test
  void playStartsTheMediaClockAtOnceOnItsOwnClock() {
    clock.advance(3_000);
    player.play();
    assertThat(player.paused()).isFalse();
    clock.advance(2_500_000);
    assertThat(player.sample().positionMicros()).isEqualTo(2_500_000);
  }

  @Test
  void reportsTheFrameOnScreenButSamplesTheExactMediaClock() {
    player.play();
    clock.advance(1_079_999);
    assertThat(player.sample().positionMicros()).isEqualTo(1_079_999);
    assertThat(player.mediaClockMicros()).isEqualTo(1_079_999);
    assertThat(player.positionMicros()).isEqualTo(1_040_000);
  }

  @Test
  void rateChangesApplyAtTheNextTick() {
    player.play();
    clock.advance(1_004_000);
    player.setRate(1.5);
    clock.advance(5_999);
    assertThat(player.rate()).as("before the tick").isEqualTo(1.0);
    clock.advance(1);
    assertThat(player.rate()).as("at the tick").isEqualTo(1.5);
    assertThat(player.sample().positionMicros()).isEqualTo(1_010_000);
    clock.advance(1_000_000);
    assertThat(player.sample().positionMicros()).isEqualTo(2_510_000);
  }

  @Test
  void pauseFreezesThePlayheadAtOnce() {
    player.play();
    clock.advance(512_000);
    player.pause();
    clock.advance(3_000_000);
    assertThat(player.paused()).isTrue();
    assertThat(player.sample().positionMicros()).isEqualTo(512_000);
  }

  @Test
  void aSeekFreezesThePlayheadForARealisticTimeThenLandsAndPlaysOn() {
    player.play();
    clock.advance(2_000_000);
    player.seek(300_000_000);
    long started = clock.nowMicros();
    while (player.seeking()) {
      assertThat(player.sample().positionMicros()).as("frozen while seeking").isEqualTo(2_000_000);
      clock.advance(1_000);
    }
    long took = clock.nowMicros() - started;
    assertThat(took).isBetween(CONFIG.minSeekMicros(), CONFIG.maxSeekMicros());
    // Landed 0..1 ms ago on the target, and playing again since.
    assertThat(player.sample().positionMicros()).isBetween(300_000_000L, 300_001_000L);
    assertThat(player.seekLatencyMicros()).isBetween(took - 1_000, took);
    clock.advance(1_000_000);
    assertThat(player.sample().positionMicros()).isBetween(301_000_000L, 301_001_000L);
  }

  @Test
  void aSeekWhilePausedLandsOnTheTargetAndStaysPaused() {
    player.seek(42_000_000);
    clock.advance(CONFIG.maxSeekMicros());
    assertThat(player.seeking()).isFalse();
    clock.advance(5_000_000);
    assertThat(player.sample().positionMicros()).isEqualTo(42_000_000);
    assertThat(player.paused()).isTrue();
  }

  @Test
  void aNewSeekAbandonsTheOneUnderWay() {
    player.seek(10_000_000);
    clock.advance(CONFIG.minSeekMicros() - 1);
    player.seek(20_000_000);
    clock.advance(CONFIG.maxSeekMicros() - CONFIG.minSeekMicros() + 1);
    assertThat(player.sample().positionMicros()).as("still frozen on the second").isZero();
    clock.advance(CONFIG.minSeekMicros());
    assertThat(player.seeking()).isFalse();
    assertThat(player.sample().positionMicros()).isEqualTo(20_000_000);
  }

  @Test
  void seekDurationsSpreadOverTheConfiguredRangeAndRepeatWithTheSeed() {
    List<Long> first = seekDurations(11, 200);
    assertThat(first).allSatisfy(d -> assertThat(d).isBetween(150_000L, 400_000L));
    assertThat(first.stream().mapToLong(Long::longValue).max().getAsLong()
            - first.stream().mapToLong(Long::longValue).min().getAsLong())
        .as("not one fixed latency")
        .isGreaterThan(200_000);
    assertThat(seekDurations(11, 200)).isEqualTo(first);
  }

  @Test
  void measuresItsSeekLatencyAsTheMeanOfCompletedSeeks() {
    assertThat(player.seekLatencyMicros()).as("unknown before any seek").isZero();
    List<Long> durations = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      player.seek(i * 1_000_000L);
      durations.add(untilLanded(player, clock, 1));
    }
    long mean = durations.stream().mapToLong(Long::longValue).sum() / durations.size();
    assertThat(player.seekLatencyMicros()).isEqualTo(mean);
  }

  @Test
  void followsItsOwnSkewedClockNotTheRealOne() {
    ManualClock real = new ManualClock(0);
    EmulatedClock local = new EmulatedClock(new VirtualScheduler(real), -3_000_000, 150);
    VirtualPlayer skewed = new VirtualPlayer(local, CONFIG, new SplittableRandom(1));
    skewed.play();
    long start = skewed.sample().positionMicros();
    real.advance(60_000_000);
    assertThat(skewed.sample().positionMicros() - start).isEqualTo(60_009_000);
  }

  @Test
  void refusesImpossibleControls() {
    assertThatThrownBy(() -> player.seek(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> player.setRate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> player.setRate(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VirtualPlayer.Config(40_000, 10_000, 400_000, 150_000))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Whatever the controls and their timing, the media clock only ever moves forward between
   * seeks, never faster than the fastest rate asked for, and not at all while paused.
   */
  @Property(tries = 200)
  void theMediaClockMovesOnlyAsTheControlsSay(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 3) Integer> controls,
      @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 700_000) Long> gaps) {
    ManualClock virtual = new ManualClock(123_456);
    VirtualPlayer model = new VirtualPlayer(virtual, CONFIG, new SplittableRandom(3));
    VirtualPlayer.Sample previous = model.sample();
    for (int i = 0; i < Math.min(controls.size(), gaps.size()); i++) {
      switch (controls.get(i)) {
        case 0 -> model.play();
        case 1 -> model.pause();
        case 2 -> model.setRate(i % 2 == 0 ? 0.5 : 2.0);
        default -> model.seek(i * 10_000_000L);
      }
      boolean mayJump = controls.get(i) == 3 || previous.seeking();
      virtual.advance(gaps.get(i));
      VirtualPlayer.Sample now = model.sample();
      long moved = now.positionMicros() - previous.positionMicros();
      if (!mayJump && !now.seeking()) {
        assertThat(moved).isBetween(0L, 2 * (now.localMicros() - previous.localMicros()));
      }
      if (previous.paused() && now.paused() && !mayJump) {
        assertThat(moved).isZero();
      }
      previous = now;
    }
  }

  private List<Long> seekDurations(long seed, int count) {
    ManualClock virtual = new ManualClock(0);
    VirtualPlayer model = new VirtualPlayer(virtual, CONFIG, new SplittableRandom(seed));
    List<Long> durations = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      model.seek(1_000_000);
      durations.add(untilLanded(model, virtual, 100));
    }
    return durations;
  }

  /** How long the seek under way takes, to within {@code stepMicros}. */
  private static long untilLanded(VirtualPlayer model, ManualClock virtual, long stepMicros) {
    long started = virtual.nowMicros();
    while (model.seeking()) {
      virtual.advance(stepMicros);
    }
    return virtual.nowMicros() - started;
  }
}
