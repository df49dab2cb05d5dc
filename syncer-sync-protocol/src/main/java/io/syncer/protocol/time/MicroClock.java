package io.syncer.protocol.time;

/**
 * A monotonic clock with microsecond resolution; the only way Syncer code reads time.
 *
 * <p>Injected everywhere so that clock sync, timelines and drift correction run on virtual time in
 * tests and simulations, deterministically. Values are only meaningful relative to other values of
 * the same clock; the epoch is arbitrary.
 *
 * <p>Thread-safety: implementations must be safe to call from any thread.
 */
@FunctionalInterface
public interface MicroClock {

  /** Current time of this clock in microseconds since an arbitrary, fixed origin. */
  long nowMicros();

  /** The JVM's monotonic clock ({@link System#nanoTime()}), truncated to microseconds. */
  static MicroClock system() {
    return SystemMicroClock.INSTANCE;
  }
}
