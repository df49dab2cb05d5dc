package io.syncer.benchmarks.sim;

import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.protocol.time.MicroClock;

/**
 * A participant's view of virtual time: delays and deadlines are on its own {@link DeviceClock},
 * the tasks run on the simulation's one {@link VirtualScheduler} at the matching true time.
 *
 * <p>Thread-safety: as the underlying virtual scheduler.
 */
final class DeviceScheduler implements TaskScheduler {

  private final VirtualScheduler virtual;
  private final DeviceClock clock;

  DeviceScheduler(VirtualScheduler virtual, DeviceClock clock) {
    this.virtual = virtual;
    this.clock = clock;
  }

  @Override
  public MicroClock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(long delayMicros, Runnable task) {
    return scheduleAt(clock.nowMicros() + Math.max(0, delayMicros), task);
  }

  @Override
  public Cancellable scheduleAt(long atMicros, Runnable task) {
    long trueAt = Math.max(virtual.clock().nowMicros(), clock.trueTimeOf(atMicros));
    return virtual.scheduleAt(trueAt, task);
  }
}
