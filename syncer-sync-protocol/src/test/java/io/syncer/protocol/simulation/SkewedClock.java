package io.syncer.protocol.simulation;

import io.syncer.protocol.time.MicroClock;

/**
 * A participant's or server's monotonic clock: {@code offsetUs + floor(true × (1 + skewPpm ×
 * 1e-6))}, read from the simulation's true clock.
 */
public final class SkewedClock implements MicroClock {

  private final MicroClock trueClock;
  private final long offsetUs;
  private final double rate;

  public SkewedClock(MicroClock trueClock, long offsetUs, double skewPpm) {
    this.trueClock = trueClock;
    this.offsetUs = offsetUs;
    this.rate = 1 + skewPpm * 1e-6;
  }

  @Override
  public long nowMicros() {
    return at(trueClock.nowMicros());
  }

  /** This clock's reading at true time {@code trueUs}. */
  public long at(long trueUs) {
    return offsetUs + (long) Math.floor(trueUs * rate);
  }

  /** The first true time at which this clock reads {@code localUs} or later. */
  public long trueTimeOf(long localUs) {
    long guess = (long) Math.ceil((localUs - offsetUs) / rate);
    while (at(guess) < localUs) {
      guess++;
    }
    while (at(guess - 1) >= localUs) {
      guess--;
    }
    return guess;
  }
}
