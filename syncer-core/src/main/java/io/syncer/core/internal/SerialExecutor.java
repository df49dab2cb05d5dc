package io.syncer.core.internal;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An actor's mailbox: runs submitted tasks one at a time, in submission order, on a shared pool.
 * Everything a room (or a connection, or a participant session) owns is touched only from its
 * serial executor, so that state needs no locks, while thousands of rooms share a few threads.
 *
 * <p>After at most {@link #BATCH} tasks the executor yields its pool thread and resubmits itself,
 * so one busy room cannot starve the others.
 *
 * <p>Once the pool refuses work (its owner shut it down), tasks are dropped instead of thrown at
 * the caller: nothing could ever run them, and the caller is usually a transport thread or a
 * {@code close()} in progress, where an exception would turn an orderly shutdown into a crash.
 *
 * <p>Thread-safety: {@link #execute} may be called from any thread; tasks never overlap and each
 * task sees the effects of the previous ones (the hand-over goes through a volatile flag).
 */
public final class SerialExecutor implements Executor {

  static final int BATCH = 64;

  private final Executor pool;
  private final Consumer<RuntimeException> onFailure;
  private final Queue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /**
   * @param pool the shared threads tasks run on
   * @param onFailure told about a task that threw; the executor then carries on with the next task
   */
  public SerialExecutor(Executor pool, Consumer<RuntimeException> onFailure) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
  }

  @Override
  public void execute(Runnable task) {
    mailbox.add(Objects.requireNonNull(task, "task"));
    scheduleIfIdle();
  }

  private void scheduleIfIdle() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException poolShutDown) {
        mailbox.clear();
        scheduled.set(false);
      }
    }
  }

  private void drain() {
    try {
      for (int i = 0; i < BATCH; i++) {
        Runnable task = mailbox.poll();
        if (task == null) {
          break;
        }
        try {
          task.run();
        } catch (RuntimeException failure) {
          onFailure.accept(failure);
        }
      }
    } finally {
      scheduled.set(false);
      if (!mailbox.isEmpty()) {
        scheduleIfIdle();
      }
    }
  }
}
