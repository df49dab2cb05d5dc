package io.syncer.torrent.internal;

/**
 * Rate of a growing byte counter over its last few samples.
 *
 * <p>Not thread-safe: one sampling thread owns it.
 */
public final class RateMeter {
  private final long[] times;
  private final long[] totals;
  private int samples;
  private int newest = -1;

  /** Averages over the last {@code window} samples (at least 2). */
  public RateMeter(int window) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be >= 2");
    }
    times = new long[window];
    totals = new long[window];
  }

  /** Records {@code total} bytes at {@code nanoTime}; returns bytes per second over the window. */
  public long sample(long nanoTime, long total) {
    newest = (newest + 1) % times.length;
    times[newest] = nanoTime;
    totals[newest] = total;
    samples = Math.min(samples + 1, times.length);
    if (samples < 2) {
      return 0;
    }
    int oldest = (newest - samples + 1 + times.length) % times.length;
    long elapsed = nanoTime - times[oldest];
    long bytes = total - totals[oldest];
    return elapsed <= 0 || bytes <= 0 ? 0 : (long) (bytes * 1e9 / elapsed);
  }
}
