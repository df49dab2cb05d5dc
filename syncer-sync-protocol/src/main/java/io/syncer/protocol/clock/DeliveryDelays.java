package io.syncer.protocol.clock;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.OptionalLong;

/**
 * How long the server's messages take to reach this client, measured on the clock exchanges: the
 * server-to-client delay of each response is its receipt time {@code t3} on the estimated server
 * clock minus its send time {@code t2}, and what is reported is the largest of the recent ones. A
 * client reports it in {@code status.deliveryDelayUs} so that the server schedules commands far
 * enough ahead that they arrive before they take effect: the tail of the delay, not its typical
 * value, decides whether a command arrives late.
 *
 * <p>"Recent" is the last {@code window} exchanges together with every exchange received within
 * {@code horizon} of the latest one, whichever covers more. The count alone is too short for a
 * client that asks often (64 exchanges every 500 ms are 32 s, which can miss a path's periodic
 * stalls); the time alone is too short for one that asks rarely (two minutes of an exchange a
 * minute is two delays).
 *
 * <p>Each delay carries the clock estimate's error (at most half the path asymmetry), which is
 * also the error with which the client judges whether a command arrived before its execute-at
 * time, so the figure is what the server needs even on an asymmetric path.
 *
 * <p>Thread-safety: not thread-safe; one owner (the participant session's thread) calls it.
 */
public final class DeliveryDelays {

  /** Exchanges always kept: at one exchange every 2 s, about two minutes. */
  public static final int DEFAULT_WINDOW = 64;
  /** Exchanges received within this of the latest are kept too, however many. */
  public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(2);

  /** A delay that may still be the largest kept: {@code seq} counts exchanges from 0. */
  private record Kept(long seq, long receivedUs, long delayUs) {}

  private final int window;
  private final long horizonUs;
  // Decreasing in delay from head to tail: a delay is dropped as soon as a younger one at least
  // as large arrives, because it can never be the largest again. The head is the answer.
  private final ArrayDeque<Kept> candidates = new ArrayDeque<>();
  private long nextSeq;

  /**
   * @param window how many of the most recent exchanges are kept, {@code >= 1}
   * @param horizon how long before the latest exchange others are kept too, not negative
   */
  public DeliveryDelays(int window, Duration horizon) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    if (horizon.isNegative()) {
      throw new IllegalArgumentException("horizon must not be negative: " + horizon);
    }
    this.window = window;
    this.horizonUs = horizon.toNanos() / 1_000L;
  }

  /** The reference window and horizon. */
  public static DeliveryDelays defaults() {
    return new DeliveryDelays(DEFAULT_WINDOW, DEFAULT_HORIZON);
  }

  /**
   * Takes the response of an accepted exchange, with the estimate made after it was added; the
   * responses come in the order received. A negative delay (clock error larger than the delay)
   * counts as 0.
   */
  public void add(ClockSample sample, ClockEstimate estimate) {
    long delayUs = Math.max(0, estimate.toServerTime(sample.t3Us()) - sample.t2Us());
    long receivedUs = sample.t3Us();
    while (!candidates.isEmpty() && candidates.peekLast().delayUs() <= delayUs) {
      candidates.pollLast();
    }
    long seq = nextSeq++;
    candidates.addLast(new Kept(seq, receivedUs, delayUs));
    Kept oldest;
    while ((oldest = candidates.peekFirst()) != null
        && seq - oldest.seq() >= window
        && receivedUs - oldest.receivedUs() > horizonUs) {
      candidates.pollFirst();
    }
  }

  /** Forgets every delay: after a reconnect the path may be another one. */
  public void clear() {
    candidates.clear();
    nextSeq = 0;
  }

  /** The largest kept delay, µs; empty before the first. */
  public OptionalLong largestUs() {
    Kept largest = candidates.peekFirst();
    return largest == null ? OptionalLong.empty() : OptionalLong.of(largest.delayUs());
  }
}
