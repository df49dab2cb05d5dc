package io.syncer.core.internal;

/**
 * A token bucket on injected time: holds up to {@code capacity} tokens, earns one every {@code
 * microsPerToken}, and each permitted action spends one. Allows short bursts (a clock-sync burst, a
 * quick series of seeks) while capping the sustained rate.
 *
 * <p>Thread-safety: not thread-safe; owned by one actor.
 */
public final class TokenBucket {

  /** Credit is kept in microseconds of refill time, so refill is exact integer arithmetic. */
  private final long microsPerToken;
  private final long maxCredit;
  private long credit;
  private long lastMicros;

  private TokenBucket(int capacity, long microsPerToken, long nowMicros) {
    if (capacity < 1 || microsPerToken < 1) {
      throw new IllegalArgumentException(
          "a bucket needs capacity >= 1 and a positive refill: " + capacity + ", "
              + microsPerToken);
    }
    this.microsPerToken = microsPerToken;
    this.maxCredit = capacity * microsPerToken;
    this.credit = maxCredit;
    this.lastMicros = nowMicros;
  }

  /** A full bucket of {@code capacity} tokens earning {@code perSecond} tokens a second. */
  public static TokenBucket perSecond(int capacity, int perSecond, long nowMicros) {
    return new TokenBucket(capacity, 1_000_000L / Math.max(1, perSecond), nowMicros);
  }

  /** A full bucket of {@code capacity} tokens earning {@code perMinute} tokens a minute. */
  public static TokenBucket perMinute(int capacity, int perMinute, long nowMicros) {
    return new TokenBucket(capacity, 60_000_000L / Math.max(1, perMinute), nowMicros);
  }

  /** Whether an action would be permitted now, without spending a token. */
  public boolean hasToken(long nowMicros) {
    refill(nowMicros);
    return credit >= microsPerToken;
  }

  /** Spends one token if there is one; returns whether the action is permitted. */
  public boolean tryTake(long nowMicros) {
    if (hasToken(nowMicros)) {
      credit -= microsPerToken;
      return true;
    }
    return false;
  }

  private void refill(long nowMicros) {
    if (nowMicros > lastMicros) {
      credit = Math.min(maxCredit, credit + Math.min(nowMicros - lastMicros, maxCredit));
      lastMicros = nowMicros;
    }
  }
}
