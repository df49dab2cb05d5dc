package io.syncer.core.session;

/**
 * How coarse a player's reported position is, as observed while it plays steadily: between two
 * readings the position should advance by rate × elapsed time, and what it advances by instead
 * differs by up to one step of the player's granularity (a frame, for a player that reports the
 * frame on screen). The largest such difference over the recent readings is the granularity.
 *
 * <p>A timeline whose position the player is within this of, plus a tolerance, needs no seek: the
 * difference may be nothing but rounding, and the drift controller sees through rounding.
 *
 * <p>Thread-safety: not thread-safe; confined to the session's actor.
 */
final class PositionGranularity {

  /** Readings kept: about a minute at ten ticks a second, so that the largest is close to a step. */
  private static final int WINDOW = 600;
  /** A jump this large is a glitch (a stall, a seek we did not see), not rounding. */
  private static final long IMPLAUSIBLE_US = 250_000;

  private final long[] differencesUs = new long[WINDOW];
  private int count;
  private int next;
  private boolean hasLast;
  private long lastLocalUs;
  private long lastPositionUs;

  /** A reading of the player while it plays steadily at {@code rate} (no seek since the last). */
  void observe(long localUs, long positionUs, double rate) {
    if (hasLast) {
      long expected = lastPositionUs + Math.round(rate * (localUs - lastLocalUs));
      long difference = Math.abs(positionUs - expected);
      if (difference < IMPLAUSIBLE_US) {
        differencesUs[next] = difference;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
      }
    }
    hasLast = true;
    lastLocalUs = localUs;
    lastPositionUs = positionUs;
  }

  /** The player paused, sought or stalled: the next reading starts a new sequence. */
  void interrupt() {
    hasLast = false;
  }

  /** The largest difference recently observed, µs; 0 before any. */
  long granularityUs() {
    long largest = 0;
    for (int i = 0; i < count; i++) {
      largest = Math.max(largest, differencesUs[i]);
    }
    return largest;
  }
}
