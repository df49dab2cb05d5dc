package io.syncer.protocol.time;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when told to: virtual time for tests and simulations.
 *
 * <p>Thread-safety: safe for concurrent use; reads and advances are atomic.
 */
public final class ManualClock implements MicroClock {

  private final AtomicLong nowMicros;

  public ManualClock(long startMicros) {
    this.nowMicros = new AtomicLong(startMicros);
  }

  @Override
  public long nowMicros() {
    return nowMicros.get();
  }

  /** Moves the clock forward by {@code micros} (must not be negative) and returns the new time. */
  public long advance(long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException("a monotonic clock cannot go back: " + micros);
    }
    return nowMicros.addAndGet(micros);
  }
}
