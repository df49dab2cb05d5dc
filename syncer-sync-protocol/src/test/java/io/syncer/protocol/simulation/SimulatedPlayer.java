package io.syncer.protocol.simulation;

import io.syncer.protocol.time.MicroClock;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * A media player running on a participant's clock: rate changes take effect {@code
 * rateChangeLagUs} after they are asked for; a seek freezes the picture for a random latency in
 * {@code [minSeekLatencyUs, maxSeekLatencyUs]} and then plays from the requested position; the
 * position it reports is the start of the frame on screen (a multiple of {@code frameStepUs}).
 * It measures its own seek latency (an exponential average with weight ½, seeded with {@code
 * initialSeekLatencyEstimateUs}) as a real player adapter would.
 */
public final class SimulatedPlayer {

  /** How a player behaves. */
  public record Model(
      long frameStepUs,
      long rateChangeLagUs,
      long minSeekLatencyUs,
      long maxSeekLatencyUs,
      long initialSeekLatencyEstimateUs) {

    /** 25 fps frames, 100 ms rate lag, seeks of 150–400 ms estimated at 250 ms before the first. */
    public static Model typical() {
      return new Model(40_000, 100_000, 150_000, 400_000, 250_000);
    }
  }

  private record PendingRate(long atLocalUs, double rate) {}

  private final MicroClock clock;
  private final Model model;
  private final SplittableRandom random;
  private final ArrayDeque<PendingRate> pendingRates = new ArrayDeque<>();
  private long anchorLocalUs;
  private double anchorPositionUs;
  private double rate;
  private boolean seeking;
  private long seekIssuedAtLocalUs;
  private long seekDoneAtLocalUs;
  private double seekTargetUs;
  private long measuredSeekLatencyUs;

  public SimulatedPlayer(MicroClock clock, Model model, SplittableRandom random) {
    this.clock = clock;
    this.model = model;
    this.random = random;
    this.measuredSeekLatencyUs = model.initialSeekLatencyEstimateUs();
  }

  /** Starts playing at {@code positionUs} and {@code rate} now, as when a participant joins. */
  public void start(double positionUs, double rate) {
    anchorLocalUs = clock.nowMicros();
    anchorPositionUs = positionUs;
    this.rate = rate;
  }

  public void setRate(double newRate) {
    pendingRates.addLast(new PendingRate(clock.nowMicros() + model.rateChangeLagUs(), newRate));
  }

  public void seek(long targetUs) {
    advance(clock.nowMicros());
    seeking = true;
    seekIssuedAtLocalUs = clock.nowMicros();
    seekDoneAtLocalUs =
        seekIssuedAtLocalUs
            + model.minSeekLatencyUs()
            + random.nextLong(model.maxSeekLatencyUs() - model.minSeekLatencyUs() + 1);
    seekTargetUs = targetUs;
  }

  /** True media position now (what is on screen, without frame rounding), µs. */
  public double positionUs() {
    advance(clock.nowMicros());
    return anchorPositionUs;
  }

  /** Position the player reports: the start of the frame on screen. */
  public long reportedPositionUs() {
    return Math.floorDiv((long) Math.floor(positionUs()), model.frameStepUs()) * model.frameStepUs();
  }

  /** Rate in effect now. */
  public double rate() {
    advance(clock.nowMicros());
    return rate;
  }

  public long measuredSeekLatencyUs() {
    return measuredSeekLatencyUs;
  }

  private void advance(long nowUs) {
    while (true) {
      long nextRateUs = pendingRates.isEmpty() ? Long.MAX_VALUE : pendingRates.peekFirst().atLocalUs;
      long nextSeekUs = seeking ? seekDoneAtLocalUs : Long.MAX_VALUE;
      long nextUs = Math.min(nextRateUs, nextSeekUs);
      if (nextUs > nowUs) {
        break;
      }
      moveTo(nextUs);
      if (nextUs == nextSeekUs) {
        seeking = false;
        anchorPositionUs = seekTargetUs;
        long latencyUs = seekDoneAtLocalUs - seekIssuedAtLocalUs;
        measuredSeekLatencyUs = (measuredSeekLatencyUs + latencyUs) / 2;
      } else {
        rate = pendingRates.removeFirst().rate;
      }
    }
    moveTo(nowUs);
  }

  private void moveTo(long localUs) {
    if (!seeking) {
      anchorPositionUs += rate * (localUs - anchorLocalUs);
    }
    anchorLocalUs = localUs;
  }
}
