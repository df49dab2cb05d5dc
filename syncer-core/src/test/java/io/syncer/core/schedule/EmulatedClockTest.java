package io.syncer.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmulatedClockTest {

  @Test
  void runsAheadByTheOffsetAndDriftsByTheSkew() {
    VirtualScheduler base = new VirtualScheduler(new ManualClock(10_000_000));
    EmulatedClock clock = new EmulatedClock(base, -3_000_000, 150);
    assertThat(clock.nowMicros()).isEqualTo(7_000_000);
    base.advanceBy(10_000_000);
    assertThat(clock.nowMicros()).isEqualTo(17_001_500);
  }

  @Test
  void schedulesOnItsOwnTimeline() {
    VirtualScheduler base = new VirtualScheduler(new ManualClock(0));
    EmulatedClock fast = new EmulatedClock(base, 0, 1_000);
    List<Long> firedAt = new ArrayList<>();
    fast.schedule(1_001_000, () -> firedAt.add(fast.nowMicros()));
    base.advanceBy(2_000_000);
    assertThat(firedAt).singleElement()
        .satisfies(t -> assertThat(t).isBetween(1_001_000L, 1_001_002L));
  }
}
