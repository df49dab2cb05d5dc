package io.syncer.protocol.clock;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * How long the server's messages take to reach this client, measured on the clock exchanges: the
 * server-to-client delay of each response is its receipt time {@code t3} on the estimated server
 * clock minus its send time {@code t2}, and what is reported is a high percentile of the most
 * recent ones. A client reports it in {@code status.deliveryDelayUs} so that the server schedules
 * commands far enough ahead that they arrive before they take effect: the tail of the delay, not
 * its typical value, decides whether a command arrives late.
 *
 * <p>Each delay carries the clock estimate's error (at most half the path asymmetry), which is
 * also the error with which the client judges whether a command arrived before its execute-at
 * time, so the figure is what the server needs even on an asymmetric path.
 *
 * <p>Thread-safety: not thread-safe; one owner (the participant session's thread) calls it.
 */
public final class DeliveryDelays {

  /** Delays kept: at one clock exchange every 2 s, the last two minutes or so. */
  public static final int DEFAULT_WINDOW = 64;
  /** The percentile reported (nearest rank): with the default window, the largest delay. */
  public static final double DEFAULT_QUANTILE = 0.99;

  private final long[] delaysUs;
  private final double quantile;
  private int count;
  private int next;

  /**
   * @param window how many of the most recent delays are kept, {@code >= 1}
   * @param quantile which percentile of them is reported, in (0, 1]
   */
  public DeliveryDelays(int window, double quantile) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    if (!(quantile > 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1]: " + quantile);
    }
    this.delaysUs = new long[window];
    this.quantile = quantile;
  }

  /** The reference window and percentile. */
  public static DeliveryDelays defaults() {
    return new DeliveryDelays(DEFAULT_WINDOW, DEFAULT_QUANTILE);
  }

  /**
   * Takes the response of an accepted exchange, with the estimate made after it was added. A
   * negative delay (clock error larger than the delay) counts as 0.
   */
  public void add(ClockSample sample, ClockEstimate estimate) {
    long delayUs = Math.max(0, estimate.toServerTime(sample.t3Us()) - sample.t2Us());
    delaysUs[next] = delayUs;
    next = (next + 1) % delaysUs.length;
    count = Math.min(count + 1, delaysUs.length);
  }

  /** Forgets every delay: after a reconnect the path may be another one. */
  public void clear() {
    count = 0;
    next = 0;
  }

  /**
   * The nearest-rank percentile of the kept delays, µs: the smallest delay at least {@code
   * quantile} of them do not exceed. Empty before the first.
   */
  public OptionalLong percentileUs() {
    if (count == 0) {
      return OptionalLong.empty();
    }
    long[] sorted = Arrays.copyOf(delaysUs, count);
    Arrays.sort(sorted);
    // The tolerance keeps binary rounding (0.95 × 20 = 19.000000000000004) from adding a rank.
    int rank = (int) Math.ceil(quantile * count - 1e-9);
    return OptionalLong.of(sorted[Math.max(1, rank) - 1]);
  }
}
