package io.syncer.protocol.clock;

/**
 * One NTP-style clock exchange: the four timestamps of a {@code clock_request} and its {@code
 * clock_response}, all in microseconds on monotonic clocks.
 *
 * <p>The record holds whatever the wire delivered: it does not validate, because a response is
 * untrusted input. {@link ClockStrategy#addSample} judges it and answers {@link
 * SampleOutcome#INVALID} for impossible timestamps instead of throwing.
 *
 * <p>Thread-safety: immutable.
 *
 * @param t0Us client clock when the request was sent
 * @param t1Us server clock when the request was received
 * @param t2Us server clock when the response was sent
 * @param t3Us client clock when the response was received
 */
public record ClockSample(long t0Us, long t1Us, long t2Us, long t3Us) {

  /**
   * Largest timestamp magnitude a valid sample may carry: 2^53 - 1 µs (about 285 years), the
   * range every JSON implementation represents exactly and in which every sum below fits a long.
   */
  public static final long MAX_ABS_TIMESTAMP_US = (1L << 53) - 1;

  /**
   * Network round-trip delay with the server's processing time removed: {@code (t3 - t0) - (t2 -
   * t1)}. The sample's offset is off from the true offset by at most half of it.
   */
  public long roundTripDelayUs() {
    return (t3Us - t0Us) - (t2Us - t1Us);
  }

  /**
   * Offset of the server clock from the client clock ({@code server = client + offset}) assuming
   * the request and response took equally long: {@code ((t1 - t0) + (t2 - t3)) / 2}. Exact (a
   * multiple of 0.5 µs) for valid samples.
   */
  public double offsetUs() {
    return ((t1Us - t0Us) + (t2Us - t3Us)) / 2.0;
  }

  /** Client time the offset refers to: the middle of the exchange, {@code (t0 + t3) / 2}. */
  public double localMidpointUs() {
    return (t0Us + t3Us) / 2.0;
  }

  /**
   * Whether the timestamps can come from a real exchange: all within {@link
   * #MAX_ABS_TIMESTAMP_US}, {@code t0 <= t3}, {@code t1 <= t2}, a non-negative delay and a round
   * trip of at most {@code maxRoundTripUs}.
   */
  boolean isPlausible(long maxRoundTripUs) {
    return withinRange(t0Us)
        && withinRange(t1Us)
        && withinRange(t2Us)
        && withinRange(t3Us)
        && t0Us <= t3Us
        && t1Us <= t2Us
        && roundTripDelayUs() >= 0
        && t3Us - t0Us <= maxRoundTripUs;
  }

  /**
   * Half-width of the interval that surely holds the true offset at {@link #localMidpointUs()}:
   * half the delay (the offset error if the whole delay was one way) plus what a relative skew
   * of up to {@code maxSkewPpm} can add during the exchange. Valid for plausible samples only.
   */
  double halfWidthUs(double maxSkewPpm) {
    return roundTripDelayUs() / 2.0 + maxSkewPpm * 1e-6 * (t3Us - t0Us);
  }

  private static boolean withinRange(long timestampUs) {
    return timestampUs >= -MAX_ABS_TIMESTAMP_US && timestampUs <= MAX_ABS_TIMESTAMP_US;
  }
}
