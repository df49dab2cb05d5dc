package io.syncer.benchmarks.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a load run, updated from many threads: messages each way, failures by kind, and
 * the fan-out latency of every owner command as each member saw it.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class LoadStats {

  final LongAdder sent = new LongAdder();
  final LongAdder received = new LongAdder();
  final LongAdder commandsSent = new LongAdder();
  final LongAdder commandsReceived = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private long[] fanOutNanos = new long[1 << 16];
  private int fanOutCount;

  void failure(String kind) {
    failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /** Failures so far by kind, sorted by kind. */
  Map<String, Long> failures() {
    Map<String, Long> copy = new TreeMap<>();
    failures.forEach((kind, count) -> copy.put(kind, count.sum()));
    return copy;
  }

  long failureCount() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  synchronized void fanOut(long nanos) {
    if (fanOutCount == fanOutNanos.length) {
      fanOutNanos = Arrays.copyOf(fanOutNanos, fanOutNanos.length * 2);
    }
    fanOutNanos[fanOutCount++] = nanos;
  }

  /** Fan-out latencies recorded from index {@code from} on, sorted, in ms; and the new end. */
  synchronized double[] fanOutMillisSince(int from) {
    long[] part = Arrays.copyOfRange(fanOutNanos, from, fanOutCount);
    Arrays.sort(part);
    double[] millis = new double[part.length];
    for (int i = 0; i < part.length; i++) {
      millis[i] = part[i] / 1e6;
    }
    return millis;
  }

  synchronized int fanOutCount() {
    return fanOutCount;
  }

  /** Nearest-rank percentile of sorted values; NaN when empty. */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
