package io.syncer.core.schedule;

import io.syncer.protocol.time.MicroClock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs tasks after a delay measured on an injected {@link MicroClock}: the only way the room
 * authority and the participant session wait for time to pass, so both run on virtual time in
 * tests ({@link VirtualScheduler}) and on a real timer in production ({@link #of}).
 *
 * <p>Tasks run on the scheduler's own thread and must be short: callers hand real work to their
 * actor (serial executor) from inside the task.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
public interface TaskScheduler {

  /** The clock that delays are measured on. */
  MicroClock clock();

  /**
   * Runs {@code task} once, {@code delayMicros} after now on {@link #clock()} (immediately, but
   * asynchronously, when the delay is zero or negative).
   */
  Cancellable schedule(long delayMicros, Runnable task);

  /**
   * Runs {@code task} at the absolute time {@code atMicros} of {@link #clock()}; a time in the past
   * (down to {@link Long#MIN_VALUE}, "as soon as possible") runs it at once.
   */
  default Cancellable scheduleAt(long atMicros, Runnable task) {
    long now = clock().nowMicros();
    return schedule(atMicros <= now ? 0 : atMicros - now, task);
  }

  /**
   * A scheduler backed by a {@link ScheduledExecutorService}; delays are converted to the
   * executor's real time, so {@code clock} should advance at (nearly) real speed. Once the executor
   * is shut down, new tasks are dropped.
   */
  static TaskScheduler of(ScheduledExecutorService executor, MicroClock clock) {
    return new ExecutorTaskScheduler(executor, clock);
  }

  /** A handle to a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Prevents the task from running if it has not started yet; idempotent. */
    void cancel();
  }
}
