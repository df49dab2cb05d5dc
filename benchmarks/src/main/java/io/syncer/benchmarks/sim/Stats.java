package io.syncer.benchmarks.sim;

import java.util.List;

/**
 * Order statistics of a list of values (nearest-rank percentiles); all NaN when it is empty.
 *
 * <p>Thread-safety: immutable.
 */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = 0;
    for (double v : sorted) {
      mean += v / sorted.length;
    }
    return new Stats(
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1],
        mean);
  }

  private static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
