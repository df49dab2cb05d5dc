package io.syncer.protocol.clock;

/**
 * Tuning of {@link ClockSync}. {@link #defaults()} suits Internet paths; the meaning of each value
 * is specified in {@code docs/protocol/clock-sync-and-drift.md}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param burstRequests requests sent {@code burstIntervalUs} apart after connecting (and after a
 *     clock step), for fast convergence
 * @param burstIntervalUs spacing of burst requests, µs
 * @param periodicIntervalUs spacing of the requests after the burst, µs
 * @param jitterThresholdUs a path is jittery when the window's median delay exceeds its minimum
 *     delay by more than this, µs; on a jittery path the estimate needs many more samples
 * @param jitteryBurstRequests on a jittery path the burst goes on up to this many requests
 * @param jitteryPeriodicIntervalUs spacing of the requests after the burst on a jittery path, µs
 * @param windowSamples how many of the most recent samples the estimator keeps
 * @param delayFilterFraction the skew is fitted only on samples whose delay is at most {@code
 *     max(medianDelay, minDelay × (1 + delayFilterFraction) + delayFilterSlackUs)}, over the
 *     window's delays
 * @param delayFilterSlackUs see {@code delayFilterFraction}, µs
 * @param maxSkewPpm largest relative skew of the two clocks the estimator allows for, ppm
 * @param minSkewSpanUs skew is estimated only from used samples spanning at least this, µs
 * @param minSkewSamples and only from at least this many used samples
 * @param convergedSamples samples the window must hold for an estimate to count as converged
 * @param jitteryConvergedSamples on a jittery path, samples the window must hold for an estimate to
 *     count as converged: a few samples leave it several milliseconds off there
 * @param maxRoundTripUs samples with a longer round trip are rejected as invalid, µs
 */
public record ClockSyncConfig(
    int burstRequests,
    long burstIntervalUs,
    long periodicIntervalUs,
    long jitterThresholdUs,
    int jitteryBurstRequests,
    long jitteryPeriodicIntervalUs,
    int windowSamples,
    double delayFilterFraction,
    long delayFilterSlackUs,
    double maxSkewPpm,
    long minSkewSpanUs,
    int minSkewSamples,
    int convergedSamples,
    int jitteryConvergedSamples,
    long maxRoundTripUs) {

  public ClockSyncConfig {
    requireAtLeast("burstRequests", burstRequests, 0);
    requireAtLeast("burstIntervalUs", burstIntervalUs, 1);
    requireAtLeast("periodicIntervalUs", periodicIntervalUs, 1);
    requireAtLeast("jitterThresholdUs", jitterThresholdUs, 0);
    requireAtLeast("jitteryBurstRequests", jitteryBurstRequests, 0);
    requireAtLeast("jitteryPeriodicIntervalUs", jitteryPeriodicIntervalUs, 1);
    requireAtLeast("windowSamples", windowSamples, 1);
    if (!(delayFilterFraction >= 0 && delayFilterFraction <= 10)) {
      throw new IllegalArgumentException("delayFilterFraction must be in [0, 10]: " + delayFilterFraction);
    }
    requireAtLeast("delayFilterSlackUs", delayFilterSlackUs, 0);
    if (!(maxSkewPpm > 0 && maxSkewPpm <= 10_000)) {
      throw new IllegalArgumentException("maxSkewPpm must be in (0, 10000]: " + maxSkewPpm);
    }
    requireAtLeast("minSkewSpanUs", minSkewSpanUs, 1);
    requireAtLeast("minSkewSamples", minSkewSamples, 3);
    requireAtLeast("convergedSamples", convergedSamples, 1);
    if (convergedSamples > windowSamples) {
      throw new IllegalArgumentException("convergedSamples must not exceed windowSamples");
    }
    requireAtLeast("jitteryConvergedSamples", jitteryConvergedSamples, convergedSamples);
    if (jitteryConvergedSamples > windowSamples) {
      throw new IllegalArgumentException("jitteryConvergedSamples must not exceed windowSamples");
    }
    requireAtLeast("maxRoundTripUs", maxRoundTripUs, 1);
  }

  /**
   * Burst of 8 requests 100 ms apart, then one every 2 s; on a jittery path (median delay more
   * than 5 ms above the minimum) a burst of up to 600 requests (a minute), then one every 500 ms;
   * a window of 1024 samples (about 8 minutes on a jittery path, 34 on a quiet one); delay filter
   * {@code max(median, min × 1.25 + 1 ms)}; clocks assumed within 500 ppm of each other; skew estimated
   * from 6 filtered samples spanning 20 s; converged after 4 samples, or 15 on a jittery path;
   * round trips up to 10 s.
   */
  public static ClockSyncConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requireAtLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
  }

  /**
   * Builds a {@link ClockSyncConfig} starting from the defaults.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private int burstRequests = 8;
    private long burstIntervalUs = 100_000;
    private long periodicIntervalUs = 2_000_000;
    private long jitterThresholdUs = 5_000;
    private int jitteryBurstRequests = 600;
    private long jitteryPeriodicIntervalUs = 500_000;
    private int windowSamples = 1024;
    private double delayFilterFraction = 0.25;
    private long delayFilterSlackUs = 1_000;
    private double maxSkewPpm = 500;
    private long minSkewSpanUs = 20_000_000;
    private int minSkewSamples = 6;
    private int convergedSamples = 4;
    private int jitteryConvergedSamples = 15;
    private long maxRoundTripUs = 10_000_000;

    private Builder() {}

    public Builder burstRequests(int value) {
      burstRequests = value;
      return this;
    }

    public Builder burstIntervalUs(long value) {
      burstIntervalUs = value;
      return this;
    }

    public Builder periodicIntervalUs(long value) {
      periodicIntervalUs = value;
      return this;
    }

    public Builder jitterThresholdUs(long value) {
      jitterThresholdUs = value;
      return this;
    }

    public Builder jitteryBurstRequests(int value) {
      jitteryBurstRequests = value;
      return this;
    }

    public Builder jitteryPeriodicIntervalUs(long value) {
      jitteryPeriodicIntervalUs = value;
      return this;
    }

    public Builder windowSamples(int value) {
      windowSamples = value;
      return this;
    }

    public Builder delayFilterFraction(double value) {
      delayFilterFraction = value;
      return this;
    }

    public Builder delayFilterSlackUs(long value) {
      delayFilterSlackUs = value;
      return this;
    }

    public Builder maxSkewPpm(double value) {
      maxSkewPpm = value;
      return this;
    }

    public Builder minSkewSpanUs(long value) {
      minSkewSpanUs = value;
      return this;
    }

    public Builder minSkewSamples(int value) {
      minSkewSamples = value;
      return this;
    }

    public Builder convergedSamples(int value) {
      convergedSamples = value;
      return this;
    }

    public Builder jitteryConvergedSamples(int value) {
      jitteryConvergedSamples = value;
      return this;
    }

    public Builder maxRoundTripUs(long value) {
      maxRoundTripUs = value;
      return this;
    }

    public ClockSyncConfig build() {
      return new ClockSyncConfig(
          burstRequests,
          burstIntervalUs,
          periodicIntervalUs,
          jitterThresholdUs,
          jitteryBurstRequests,
          jitteryPeriodicIntervalUs,
          windowSamples,
          delayFilterFraction,
          delayFilterSlackUs,
          maxSkewPpm,
          minSkewSpanUs,
          minSkewSamples,
          convergedSamples,
          jitteryConvergedSamples,
          maxRoundTripUs);
    }
  }
}
