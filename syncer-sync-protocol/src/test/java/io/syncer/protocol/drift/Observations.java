package io.syncer.protocol.drift;

/** Builds observations for controller tests: timeline rate 1, 250 ms seek latency, 1 ms clock error. */
final class Observations {

  private Observations() {}

  /** The player at {@code aheadUs} from a target that is at {@code timeUs} (rate 1 from 0). */
  static PlayerObservation at(long timeUs, long aheadUs, double playerRate) {
    return new PlayerObservation(
        timeUs, timeUs, timeUs + aheadUs, 1.0, playerRate, 250_000, 1_000, 0);
  }

  static PlayerObservation at(long timeUs, long aheadUs) {
    return at(timeUs, aheadUs, 1.0);
  }
}
