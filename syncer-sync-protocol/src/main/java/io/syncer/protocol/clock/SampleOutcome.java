package io.syncer.protocol.clock;

/**
 * What a {@link ClockStrategy} did with a clock sample.
 *
 * <p>Thread-safety: immutable.
 */
public enum SampleOutcome {
  /** Stored; the estimate uses it. */
  ACCEPTED,
  /**
   * Stored, but its delay is well above the fastest sample in the window, so the estimate ignores
   * it until faster samples leave the window.
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
