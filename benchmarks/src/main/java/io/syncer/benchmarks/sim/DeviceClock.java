package io.syncer.benchmarks.sim;

import io.syncer.protocol.time.MicroClock;

/**
 * A participant device's monotonic clock, read from the simulation's true clock (the server's):
 * {@code offsetUs + floor(true × (1 + skewPpm × 1e-6))}.
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
final class DeviceClock implements MicroClock {

  private final MicroClock trueClock;
  private final long offsetUs;
  private final double rate;

  DeviceClock(MicroClock trueClock, long offsetUs, double skewPpm) {
    this.trueClock = trueClock;
    this.offsetUs = offsetUs;
    this.rate = 1 + skewPpm * 1e-6;
  }

  @Override
  public long nowMicros() {
    return at(trueClock.nowMicros());
  }

  /** The true (server) time now. */
  long trueNowUs() {
    return trueClock.nowMicros();
  }

  /** This clock's reading at true time {@code trueUs}. */
  long at(long trueUs) {
    return offsetUs + (long) Math.floor(trueUs * rate);
  }

  /** The first true time at which this clock reads {@code localUs} or later. */
  long trueTimeOf(long localUs) {
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
