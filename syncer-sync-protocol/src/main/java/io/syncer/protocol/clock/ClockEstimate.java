package io.syncer.protocol.clock;

/**
 * What a {@link ClockStrategy} knows about the server clock at one instant of the local clock.
 *
 * <p>{@code server = local + offset}, with the offset changing by {@code skewPpm} µs per second
 * of local time. The true offset at {@code atLocalUs} lies within {@code offsetUs ±
 * errorBoundUs} whenever the strategy's assumptions hold (see {@code
 * docs/protocol/clock-sync-and-drift.md}); the bound is valid at {@code atLocalUs} only, so ask
 * the strategy for a fresh estimate rather than converting times far from it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param atLocalUs local time this estimate describes
 * @param offsetUs server minus local clock at {@code atLocalUs}, µs
 * @param skewPpm how fast the offset grows, µs per second of local time (0 when unknown)
 * @param errorBoundUs bound on |true offset - offsetUs| at {@code atLocalUs}, µs, {@code >= 0}
 * @param sampleCount clock samples the estimate is based on
 * @param converged whether enough samples arrived for the estimate to be used for playback
 */
public record ClockEstimate(
    long atLocalUs,
    long offsetUs,
    double skewPpm,
    long errorBoundUs,
    int sampleCount,
    boolean converged) {

  public ClockEstimate {
    if (errorBoundUs < 0) {
      throw new IllegalArgumentException("errorBoundUs must not be negative: " + errorBoundUs);
    }
    if (sampleCount < 0) {
      throw new IllegalArgumentException("sampleCount must not be negative: " + sampleCount);
    }
    if (!Double.isFinite(skewPpm)) {
      throw new IllegalArgumentException("skewPpm must be finite: " + skewPpm);
    }
  }

  /** Server time corresponding to local time {@code localUs}. */
  public long toServerTime(long localUs) {
    return localUs + offsetUs + Math.round(skewPpm * 1e-6 * (localUs - atLocalUs));
  }

  /** Local time corresponding to server time {@code serverUs}; the inverse of {@link #toServerTime}. */
  public long toLocalTime(long serverUs) {
    long atServerUs = atLocalUs + offsetUs;
    return atLocalUs + Math.round((serverUs - atServerUs) / (1 + skewPpm * 1e-6));
  }
}
