package io.syncer.protocol.simulation;

import java.util.SplittableRandom;

/**
 * The server: its monotonic clock, a playing timeline (position {@code positionUs} at server
 * time {@code anchorUs}, advancing at {@code rate}), and a random processing time of up to
 * {@code maxProcessingUs} between receiving a clock request and answering it.
 */
public final class SimulatedServer {

  private final SkewedClock clock;
  private final long anchorUs;
  private final long positionUs;
  private final double rate;
  private final long maxProcessingUs;

  public SimulatedServer(
      SkewedClock clock, long anchorUs, long positionUs, double rate, long maxProcessingUs) {
    this.clock = clock;
    this.anchorUs = anchorUs;
    this.positionUs = positionUs;
    this.rate = rate;
    this.maxProcessingUs = maxProcessingUs;
  }

  public SkewedClock clock() {
    return clock;
  }

  public double rate() {
    return rate;
  }

  /** Timeline position at server time {@code serverUs}, continuous. */
  public double positionAt(double serverUs) {
    return positionUs + (serverUs - anchorUs) * rate;
  }

  public long processingUs(SplittableRandom random) {
    return random.nextLong(maxProcessingUs + 1);
  }
}
