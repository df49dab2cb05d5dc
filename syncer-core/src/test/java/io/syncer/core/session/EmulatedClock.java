package io.syncer.core.session;

import io.syncer.core.schedule.TaskScheduler;
import io.syncer.protocol.time.MicroClock;

/**
 * Another machine's clock over a shared virtual clock: a fixed offset and a skew. As a scheduler
 * it converts its local delays into the shared clock's.
 */
final class EmulatedClock implements MicroClock, TaskScheduler {

  private final TaskScheduler base;
  private final long offsetUs;
  private final double skew;
  private final long origin;

  EmulatedClock(TaskScheduler base, long offsetUs, double skewPpm) {
    this.base = base;
    this.offsetUs = offsetUs;
    this.skew = skewPpm / 1e6;
    this.origin = base.clock().nowMicros();
  }

  @Override
  public long nowMicros() {
    long elapsed = base.clock().nowMicros() - origin;
    return origin + offsetUs + elapsed + Math.round(elapsed * skew);
  }

  @Override
  public MicroClock clock() {
    return this;
  }

  @Override
  public Cancellable schedule(long delayMicros, Runnable task) {
    return base.schedule((long) Math.ceil(delayMicros / (1 + skew)), task);
  }
}
