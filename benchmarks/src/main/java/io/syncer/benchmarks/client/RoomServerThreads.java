package io.syncer.benchmarks.client;

import io.syncer.core.room.RoomLimits;
import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.protocol.time.MicroClock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A room server on threads the benchmark owns, so they stop in a safe order: the connections
 * first, then the pool, then the timer. (A {@link RoomServer} that owns its threads stops its
 * timer while closing connections still schedule their resume-grace timers on it.)
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close} is idempotent.
 */
public final class RoomServerThreads implements AutoCloseable {

  private static final long DRAIN_MILLIS = 3_000;

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("bench-room-timer"));
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("bench-room"));
  private final RoomServer rooms;

  public RoomServerThreads(RoomLimits limits) {
    rooms =
        RoomServer.builder()
            .limits(limits)
            .scheduler(TaskScheduler.of(timer, MicroClock.system()))
            .executor(pool)
            .build();
  }

  public RoomServer rooms() {
    return rooms;
  }

  /** Closes the room server, lets its connections finish closing, then stops the threads. */
  @Override
  public void close() throws InterruptedException {
    rooms.close();
    long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
    while (rooms.connectionCount() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    pool.shutdown();
    pool.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
    timer.shutdownNow();
  }

  /** Daemon threads named {@code prefix-N}. */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
