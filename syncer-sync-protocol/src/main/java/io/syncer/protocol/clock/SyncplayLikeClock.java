package io.syncer.protocol.clock;

import java.util.Objects;
import java.util.Optional;

/**
 * Syncplay's timekeeping (client.py, protocols.py): no clock-offset estimate; every State message
 * (one per second) is assumed to have taken half the moving-average round trip, weight 0.85 on the
 * old average. Seen as a clock: server time at receipt = server send time + average RTT / 2, from
 * the latest message only.
 *
 * <p>The error bound is Syncplay-independent honesty: the true one-way delay of the latest
 * message lies between 0 and its round-trip delay.
 */
final class SyncplayLikeClock implements ClockStrategy {

  static final long MESSAGE_INTERVAL_US = 1_000_000;
  static final double RTT_MOVING_AVERAGE_WEIGHT = 0.85;

  private final long maxRoundTripUs = ClockSyncConfig.defaults().maxRoundTripUs();
  private final double maxSkewPpm = ClockSyncConfig.defaults().maxSkewPpm();
  private final RequestSchedule schedule = new RequestSchedule(0, 1, MESSAGE_INTERVAL_US);
  private final OutstandingRequests outstanding = new OutstandingRequests();
  private ClockSample latest;
  private double averageRoundTripUs;
  private int samples;

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
    double roundTripUs = sample.t3Us() - sample.t0Us();
    if (samples == 0) {
      averageRoundTripUs = roundTripUs;
    }
    averageRoundTripUs =
        averageRoundTripUs * RTT_MOVING_AVERAGE_WEIGHT
            + roundTripUs * (1 - RTT_MOVING_AVERAGE_WEIGHT);
    latest = sample;
    samples++;
    return SampleOutcome.ACCEPTED;
  }

  @Override
  public Optional<ClockEstimate> estimate(long localNowUs) {
    if (latest == null) {
      return Optional.empty();
    }
    double assumedOneWayUs = averageRoundTripUs / 2;
    double offsetAtReceiptUs = latest.t2Us() + assumedOneWayUs - latest.t3Us();
    long offsetUs = Math.round(offsetAtReceiptUs);
    double skewAllowanceUs =
        maxSkewPpm
            * 1e-6
            * ((latest.t3Us() - latest.t0Us()) + Math.abs((double) localNowUs - latest.t3Us()));
    double halfWidthUs =
        Math.max(assumedOneWayUs, latest.roundTripDelayUs() - assumedOneWayUs) + skewAllowanceUs;
    long boundUs = (long) Math.ceil(halfWidthUs + Math.abs(offsetUs - offsetAtReceiptUs));
    return Optional.of(new ClockEstimate(localNowUs, offsetUs, 0, boundUs, samples, true));
  }
}
