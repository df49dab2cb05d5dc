package io.syncer.protocol.drift;

/**
 * Tuning of Syncer's drift controller. {@link #defaults()} is what {@link SyncerDriftPolicy} uses;
 * each value is specified in {@code docs/protocol/clock-sync-and-drift.md}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param maxRateDeviation largest rate correction, as a fraction of the timeline rate (0.05 =
 *     ±5 %)
 * @param minRateNudge smallest rate correction, as a fraction of the timeline rate
 * @param correctionTimeUs a correction aims to remove the offset in about this long, µs
 * @param deadbandUs after convergence, a correction starts when the filtered offset exceeds this
 *     (before convergence, half of it), µs
 * @param settleToleranceUs and stops once it is back within this (less than half the deadband), µs
 * @param seekThresholdUs before convergence, offsets of at least this are fixed by seeking, µs
 * @param divergenceThresholdUs after convergence, an offset beyond this for {@code
 *     divergenceTimeUs} ends convergence (so a real jump can be fixed by seeking), µs
 * @param divergenceTimeUs see {@code divergenceThresholdUs}, µs
 * @param filterWindowUs how much history the offset filter fits, µs
 * @param maxTrimPpm largest steady rate trim that compensates clock drift, ppm
 */
public record SyncerDriftConfig(
    double maxRateDeviation,
    double minRateNudge,
    long correctionTimeUs,
    long deadbandUs,
    long settleToleranceUs,
    long seekThresholdUs,
    long divergenceThresholdUs,
    long divergenceTimeUs,
    long filterWindowUs,
    double maxTrimPpm) {

  public SyncerDriftConfig {
    if (!(maxRateDeviation > 0 && maxRateDeviation <= 0.5)) {
      throw new IllegalArgumentException("maxRateDeviation must be in (0, 0.5]: " + maxRateDeviation);
    }
    if (!(minRateNudge > 0 && minRateNudge <= maxRateDeviation)) {
      throw new IllegalArgumentException(
          "minRateNudge must be in (0, maxRateDeviation]: " + minRateNudge);
    }
    if (!(maxTrimPpm >= 0 && maxTrimPpm * 1e-6 < minRateNudge)) {
      throw new IllegalArgumentException(
          "maxTrimPpm must be non-negative and smaller than minRateNudge: " + maxTrimPpm);
    }
    requirePositive("correctionTimeUs", correctionTimeUs);
    requirePositive("deadbandUs", deadbandUs);
    if (settleToleranceUs < 0 || settleToleranceUs >= deadbandUs / 2) {
      throw new IllegalArgumentException("settleToleranceUs must be in [0, deadbandUs / 2)");
    }
    if (seekThresholdUs <= deadbandUs) {
      throw new IllegalArgumentException("seekThresholdUs must exceed deadbandUs");
    }
    if (divergenceThresholdUs <= deadbandUs) {
      throw new IllegalArgumentException("divergenceThresholdUs must exceed deadbandUs");
    }
    requirePositive("divergenceTimeUs", divergenceTimeUs);
    if (filterWindowUs < OffsetTrend.MIN_SPAN_US) {
      throw new IllegalArgumentException("filterWindowUs must be at least " + OffsetTrend.MIN_SPAN_US);
    }
  }

  /**
   * Rate corrections of 0.2–5 % sized to take about 4 s; deadband 2.5 ms (half that before
   * convergence) with a 0.5 ms settle tolerance; seeks only before convergence and only for 500 ms
   * or more; convergence ends after 2 s beyond 250 ms; a 60 s filter; rate trims of up to 1000
   * ppm.
   */
  public static SyncerDriftConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static void requirePositive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /**
   * Builds a {@link SyncerDriftConfig} starting from the defaults.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private double maxRateDeviation = 0.05;
    private double minRateNudge = 0.002;
    private long correctionTimeUs = 4_000_000;
    private long deadbandUs = 2_500;
    private long settleToleranceUs = 500;
    private long seekThresholdUs = 500_000;
    private long divergenceThresholdUs = 250_000;
    private long divergenceTimeUs = 2_000_000;
    private long filterWindowUs = 60_000_000;
    private double maxTrimPpm = 1_000;

    private Builder() {}

    public Builder maxRateDeviation(double value) {
      maxRateDeviation = value;
      return this;
    }

    public Builder minRateNudge(double value) {
      minRateNudge = value;
      return this;
    }

    public Builder correctionTimeUs(long value) {
      correctionTimeUs = value;
      return this;
    }

    public Builder deadbandUs(long value) {
      deadbandUs = value;
      return this;
    }

    public Builder settleToleranceUs(long value) {
      settleToleranceUs = value;
      return this;
    }

    public Builder seekThresholdUs(long value) {
      seekThresholdUs = value;
      return this;
    }

    public Builder divergenceThresholdUs(long value) {
      divergenceThresholdUs = value;
      return this;
    }

    public Builder divergenceTimeUs(long value) {
      divergenceTimeUs = value;
      return this;
    }

    public Builder filterWindowUs(long value) {
      filterWindowUs = value;
      return this;
    }

    public Builder maxTrimPpm(double value) {
      maxTrimPpm = value;
      return this;
    }

    public SyncerDriftConfig build() {
      return new SyncerDriftConfig(
          maxRateDeviation,
          minRateNudge,
          correctionTimeUs,
          deadbandUs,
          settleToleranceUs,
          seekThresholdUs,
          divergenceThresholdUs,
          divergenceTimeUs,
          filterWindowUs,
          maxTrimPpm);
    }
  }
}
