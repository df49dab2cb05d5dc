package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.protocol.time.ManualClock;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class EmulatedClockTest {

  @Test
  void isTheRealClockShiftedByTheOffsetAndStretchedByTheSkew() {
    ManualClock real = new ManualClock(50_000_000);
    EmulatedClock ahead = new EmulatedClock(real, 5_000_000, -150);
    EmulatedClock behind = new EmulatedClock(real, -3_000_000, 150);
    assertThat(ahead.nowMicros()).isEqualTo(55_000_000);
    assertThat(behind.nowMicros()).isEqualTo(47_000_000);

    real.advance(100_000_000);
    assertThat(ahead.nowMicros()).isEqualTo(155_000_000 - 15_000);
    assertThat(behind.nowMicros()).isEqualTo(147_000_000 + 15_000);
  }

  @Test
  void withoutOffsetOrSkewItIsTheRealClock() {
    ManualClock real = new ManualClock(7);
    EmulatedClock same = new EmulatedClock(real, 0, 0);
    real.advance(123_456_789);
    assertThat(same.nowMicros()).isEqualTo(real.nowMicros());
  }

  @Test
  void refusesSkewsAndOffsetsNoMachineHas() {
    ManualClock real = new ManualClock(0);
    assertThatThrownBy(() -> new EmulatedClock(real, 0, 20_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ppm");
    assertThatThrownBy(() -> new EmulatedClock(real, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmulatedClock(real, 86_400_000_001L, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("day");
  }

  @Property(tries = 200)
  void neverGoesBack(
      @ForAll @LongRange(min = -86_400_000_000L, max = 86_400_000_000L) long offset,
      @ForAll @DoubleRange(min = -10_000, max = 10_000) double skewPpm,
      @ForAll @LongRange(min = 0, max = 1_000) long step) {
    ManualClock real = new ManualClock(1_000_000_000_000L);
    EmulatedClock clock = new EmulatedClock(real, offset, skewPpm);
    long previous = clock.nowMicros();
    for (int i = 0; i < 100; i++) {
      real.advance(step * i);
      long now = clock.nowMicros();
      assertThat(now).isGreaterThanOrEqualTo(previous);
      previous = now;
    }
  }
}
