package io.syncer.core.schedule;

import io.syncer.protocol.time.MicroClock;

/**
 * Another machine's clock emulated on this one: the base scheduler's clock plus a fixed offset and
 * a skew (ppm). As a scheduler it converts its own delays into the base clock's, so a participant
 * session given this scheduler lives entirely on the emulated clock. For headless participants
 * that pretend to be elsewhere, and for simulations on virtual time.
 *
 * <p>Thread-safety: safe for concurrent use (immutable; the base must be thread-safe).
 */
public final class EmulatedClock implements MicroClock, TaskScheduler {

  private final TaskScheduler base;
  private final long offsetUs;
  private final double skew;
  private final long origin;

  /**
   * @param base the real (or virtual) timers and clock
   * @param offsetUs how far this clock is ahead of the base clock at construction, µs
   * @param skewPpm how much faster this clock runs, parts per million (negative: slower)
   */
  public EmulatedClock(TaskScheduler base, long offsetUs, double skewPpm) {
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
