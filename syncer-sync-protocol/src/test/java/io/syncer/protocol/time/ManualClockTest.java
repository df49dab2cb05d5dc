package io.syncer.protocol.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void movesOnlyWhenAdvanced() {
    ManualClock clock = new ManualClock(1_000);
    assertThat(clock.nowMicros()).isEqualTo(1_000);
    assertThat(clock.advance(250)).isEqualTo(1_250);
    assertThat(clock.nowMicros()).isEqualTo(1_250);
  }

  @Test
  void refusesToGoBack() {
    assertThatThrownBy(() -> new ManualClock(0).advance(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void systemClockIsMonotonic() {
    long first = MicroClock.system().nowMicros();
    assertThat(MicroClock.system().nowMicros()).isGreaterThanOrEqualTo(first);
  }
}
