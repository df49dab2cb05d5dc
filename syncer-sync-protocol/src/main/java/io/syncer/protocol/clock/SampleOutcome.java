package io.syncer.protocol.clock;

/**
 * What a {@link ClockStrategy} did with a clock sample.
 *
 * <p>Thread-safety: immutable.
 */
public enum SampleOutcome {
  /** Stored; the estimate and the skew fit use it. */
  ACCEPTED,
  /**
   * Stored, but its delay is well above the fastest samples in the window: it still narrows the
   * offset interval, but the skew fit ignores it.
   */
  HIGH_DELAY,
  /**
   * Stored after discarding every earlier sample: it contradicts them beyond any skew the
   * strategy allows, so one of the clocks jumped (a suspended laptop, a restarted server).
   */
  CLOCK_STEP,
  /** Dropped: impossible timestamps (response before request, negative delay, out of range). */
  INVALID,
  /** Dropped: its {@code t0} matches no request this strategy sent, or was already answered. */
  UNSOLICITED
}
