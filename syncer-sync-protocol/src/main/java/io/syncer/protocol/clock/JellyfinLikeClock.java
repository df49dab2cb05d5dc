package io.syncer.protocol.clock;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * Jellyfin SyncPlay's timekeeping (jellyfin-web TimeSyncCore): NTP four-timestamp samples, the
 * offset of the lowest-delay one among the last 8, no skew; pings every second for the first 3,
 * then every 60 s.
 *
 * <p>The error bound is added for honesty (Jellyfin reports none): half the chosen sample's delay
 * plus the widest allowed skew times its age.
 */
final class JellyfinLikeClock implements ClockStrategy {

  static final int KEPT_SAMPLES = 8;
  static final int FAST_PINGS = 3;
  static final long FAST_PING_INTERVAL_US = 1_000_000;
  static final long SLOW_PING_INTERVAL_US = 60_000_000;

  private final long maxRoundTripUs = ClockSyncConfig.defaults().maxRoundTripUs();
  private final double maxSkewPpm = ClockSyncConfig.defaults().maxSkewPpm();
  private final RequestSchedule schedule =
      new RequestSchedule(FAST_PINGS, FAST_PING_INTERVAL_US, SLOW_PING_INTERVAL_US);
  private final OutstandingRequests outstanding = new OutstandingRequests();
  private final ArrayDeque<ClockSample> kept = new ArrayDeque<>();

  @Override
  public long nextRequestAtUs() {
    return schedule.nextAtUs();
  }

  @Override
  public void requestSent(long t0Us) {
    schedule.sent(t0Us);
    outstanding.sent(t0Us);
  }

  @Override
  public SampleOutcome addSample(ClockSample sample) {
    Objects.requireNonNull(sample, "sample");
    if (!outstanding.answer(sample.t0Us())) {
      return SampleOutcome.UNSOLICITED;
    }
    if (!sample.isPlausible(maxRoundTripUs)) {
      return SampleOutcome.INVALID;
    }
    kept.addLast(sample);
    if (kept.size() > KEPT_SAMPLES) {
      kept.removeFirst();
    }
    return lowestDelay() == sample ? SampleOutcome.ACCEPTED : SampleOutcome.HIGH_DELAY;
  }

  @Override
  public Optional<ClockEstimate> estimate(long localNowUs) {
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    ClockSample best = lowestDelay();
    double offsetUs = best.offsetUs();
    long roundedUs = Math.round(offsetUs);
    double halfWidthUs =
        best.halfWidthUs(maxSkewPpm)
            + maxSkewPpm * 1e-6 * Math.abs(localNowUs - best.localMidpointUs());
    long boundUs = (long) Math.ceil(halfWidthUs + Math.abs(roundedUs - offsetUs));
    return Optional.of(new ClockEstimate(localNowUs, roundedUs, 0, boundUs, kept.size(), true));
  }

  /** The first (oldest) of the kept samples with the lowest delay, as a stable sort would pick. */
  private ClockSample lowestDelay() {
    ClockSample best = null;
    for (ClockSample s : kept) {
      if (best == null || s.roundTripDelayUs() < best.roundTripDelayUs()) {
        best = s;
      }
    }
    return best;
  }
}
