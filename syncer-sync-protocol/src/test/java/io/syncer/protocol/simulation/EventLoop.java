package io.syncer.protocol.simulation;

import io.syncer.protocol.time.ManualClock;
import java.util.PriorityQueue;

/**
 * Discrete-event virtual time: events run in time order (ties in scheduling order) and the true
 * clock jumps from one to the next. Deterministic: nothing here reads the wall clock.
 */
public final class EventLoop {

  private record Event(long atUs, long sequence, Runnable action) {}

  private final ManualClock trueClock = new ManualClock(0);
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.atUs != b.atUs
                  ? Long.compare(a.atUs, b.atUs)
                  : Long.compare(a.sequence, b.sequence));
  private long nextSequence;

  /** True (reference) time, µs since the start of the simulation. */
  public ManualClock trueClock() {
    return trueClock;
  }

  public long nowUs() {
    return trueClock.nowMicros();
  }

  /** Runs {@code action} at true time {@code atUs}, or now if that has passed. */
  public void schedule(long atUs, Runnable action) {
    queue.add(new Event(Math.max(atUs, nowUs()), nextSequence++, action));
  }

  /** Runs every event due up to {@code endUs}, then leaves the clock at {@code endUs}. */
  public void runUntil(long endUs) {
    while (!queue.isEmpty() && queue.peek().atUs <= endUs) {
      Event event = queue.poll();
      trueClock.advance(event.atUs - nowUs());
      event.action.run();
    }
    if (endUs > nowUs()) {
      trueClock.advance(endUs - nowUs());
    }
  }
}
