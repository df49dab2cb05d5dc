package io.syncer.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  @Test
  void runsTasksInTimeOrderAtTheirOwnTime() {
    VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(1_000));
    List<String> seen = new ArrayList<>();
    scheduler.schedule(300, () -> seen.add("c@" + scheduler.clock().nowMicros()));
    scheduler.schedule(100, () -> seen.add("a@" + scheduler.clock().nowMicros()));
    scheduler.schedule(100, () -> seen.add("b@" + scheduler.clock().nowMicros()));
    TaskScheduler.Cancellable cancelled = scheduler.schedule(200, () -> seen.add("never"));
    cancelled.cancel();
    scheduler.advanceBy(250);
    assertThat(seen).containsExactly("a@1100", "b@1100");
    assertThat(scheduler.clock().nowMicros()).isEqualTo(1_250);
    scheduler.advanceBy(1_000);
    assertThat(seen).containsExactly("a@1100", "b@1100", "c@1300");
  }

  @Test
  void runDueRunsTasksQueuedByTasksAtTheSameTime() {
    VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(0));
    List<Integer> seen = new ArrayList<>();
    scheduler.execute(() -> {
      seen.add(1);
      scheduler.execute(() -> seen.add(2));
    });
    scheduler.runDue();
    assertThat(seen).containsExactly(1, 2);
    assertThat(scheduler.clock().nowMicros()).isZero();
  }

  @Test
  void farPastAndFarFutureTimesDoNotOverflow() {
    VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(5_000_000));
    List<String> seen = new ArrayList<>();
    scheduler.scheduleAt(Long.MIN_VALUE, () -> seen.add("past"));
    scheduler.schedule(Long.MAX_VALUE, () -> seen.add("never"));
    scheduler.advanceBy(1_000_000_000);
    assertThat(seen).containsExactly("past");
  }
}
