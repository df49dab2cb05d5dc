package io.syncer.protocol.clock;

import java.util.Optional;

/**
 * Estimates the server clock from {@code clock_request}/{@code clock_response} exchanges and
 * decides when to send the next request.
 *
 * <p>Use: whenever the local clock reaches {@link #nextRequestAtUs()}, send a {@code
 * clock_request} with {@code t0Us} = now and call {@link #requestSent}; on each {@code
 * clock_response}, read the local clock as {@code t3} and call {@link #addSample}; convert times
 * with {@link #estimate}. Create one instance per connection to a server.
 *
 * <p>{@link ClockSync} is Syncer's estimator; {@link #syncplayLike()} and {@link #jellyfinLike()}
 * reproduce how Syncplay and Jellyfin SyncPlay keep time, for side-by-side benchmarks.
 *
 * <p>Thread-safety: implementations are not thread-safe; one owner (the participant session's
 * thread) calls them.
 */
public interface ClockStrategy {

  /**
   * Local time at which the next request is due. A value at or before now means send now; {@link
   * Long#MIN_VALUE} before the first request.
   */
  long nextRequestAtUs();

  /** Records that a request carrying {@code t0Us} was sent, so its response will be accepted. */
  void requestSent(long t0Us);

  /** Takes the four timestamps of a response to one of this strategy's requests. */
  SampleOutcome addSample(ClockSample sample);

  /** The estimate at local time {@code localNowUs}; empty until a sample was accepted. */
  Optional<ClockEstimate> estimate(long localNowUs);

  /**
   * Syncplay's timekeeping: no offset estimate of its own; it assumes each message took half the
   * moving-average round trip (weight 0.85) and exchanges one message per second.
   */
  static ClockStrategy syncplayLike() {
    return new SyncplayLikeClock();
  }

  /**
   * Jellyfin SyncPlay's timekeeping: NTP offset of the lowest-delay sample among the last 8, no
   * skew; requests every second for the first 3, then every 60 s.
   */
  static ClockStrategy jellyfinLike() {
    return new JellyfinLikeClock();
  }
}
