package io.syncer.core.schedule;

import io.syncer.protocol.time.ManualClock;
import io.syncer.protocol.time.MicroClock;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * Virtual time: a {@link TaskScheduler} and {@link Executor} on a {@link ManualClock} that runs
 * tasks only when told to, in time order (ties in submission order), on the calling thread. Give
 * it to a room server or participant session as both scheduler and executor and every test or
 * simulation becomes deterministic.
 *
 * <p>Thread-safety: safe for concurrent use; tasks always run on the thread that calls {@link
 * #runDue()}, {@link #advanceBy} or {@link #advanceTo}, never while an internal lock is held.
 */
public final class VirtualScheduler implements TaskScheduler, Executor {

  private final ManualClock clock;
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long sequence;

  public VirtualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  private static final class Entry implements Comparable<Entry> {
    final long atMicros;
    final long sequence;
    final Runnable task;
    volatile boolean cancelled;

    Entry(long atMicros, long sequence, Runnable task) {
      this.atMicros = atMicros;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public int compareTo(Entry other) {
      int byTime = Long.compare(atMicros, other.atMicros);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  @Override
  public MicroClock clock() {
    return clock;
  }

  /** The manual clock this scheduler advances. */
  public ManualClock manualClock() {
    return clock;
  }

  @Override
  public Cancellable schedule(long delayMicros, Runnable task) {
    Entry entry;
    synchronized (queue) {
      long now = clock.nowMicros();
      long at = delayMicros <= 0 ? now : now + Math.min(delayMicros, Long.MAX_VALUE - now);
      entry = new Entry(at, sequence++, task);
      queue.add(entry);
    }
    return () -> entry.cancelled = true;
  }

  /** Queues {@code task} to run at the current virtual time, on the next {@link #runDue()}. */
  @Override
  public void execute(Runnable task) {
    schedule(0, task);
  }

  /** Runs every task due at or before now, including tasks those tasks queue for now. */
  public void runDue() {
    advanceTo(clock.nowMicros());
  }

  /** Advances the clock by {@code micros}, running each due task at its own time on the way. */
  public void advanceBy(long micros) {
    advanceTo(clock.nowMicros() + micros);
  }

  /** Advances the clock to {@code targetMicros}, running due tasks in order at their times. */
  public void advanceTo(long targetMicros) {
    for (Entry next; (next = pollDue(targetMicros)) != null; ) {
      if (next.atMicros > clock.nowMicros()) {
        clock.advance(next.atMicros - clock.nowMicros());
      }
      if (!next.cancelled) {
        next.task.run();
      }
    }
    if (targetMicros > clock.nowMicros()) {
      clock.advance(targetMicros - clock.nowMicros());
    }
  }

  /** Number of tasks waiting (including cancelled ones not yet discarded). */
  public int pendingTasks() {
    synchronized (queue) {
      return queue.size();
    }
  }

  private Entry pollDue(long targetMicros) {
    synchronized (queue) {
      Entry head = queue.peek();
      return head != null && head.atMicros <= targetMicros ? queue.poll() : null;
    }
  }
}
