package io.syncer.core.schedule;

import io.syncer.protocol.time.MicroClock;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

final class ExecutorTaskScheduler implements TaskScheduler {

  private final ScheduledExecutorService executor;
  private final MicroClock clock;

  ExecutorTaskScheduler(ScheduledExecutorService executor, MicroClock clock) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MicroClock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(long delayMicros, Runnable task) {
    try {
      ScheduledFuture<?> future =
          executor.schedule(task, Math.max(0, delayMicros), TimeUnit.MICROSECONDS);
      return () -> future.cancel(false);
    } catch (RejectedExecutionException shutDown) {
      // Timers set while the owner shuts down would never matter: drop them quietly.
      return () -> {};
    }
  }
}
