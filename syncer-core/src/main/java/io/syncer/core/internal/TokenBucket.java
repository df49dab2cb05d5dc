package io.syncer.core.internal;

/**
 * A token bucket on virtual-friendly time: holds up to {@code capacity} tokens, refills {@code
 * perSecond} tokens a second, and each permitted action takes one. Allows short bursts (a clock
 * sync burst, a quick series of seeks) while capping the sustained rate.
 *
 * <p>Thread-safety: not thread-safe; owned by one actor.
 */
public final class TokenBucket {

  /** Tokens are counted in millionths so that refill on microsecond time is exact. */
  private static final long ONE = 1_000_000L;

  private final long capacity;
  private final long perSecond;
  private long millionths;
  private long lastMicros;

  public TokenBucket(int capacity, int perSecond, long nowMicros) {
    if (capacity < 1 || perSecond <= 0) {
      throw new IllegalArgumentException(
          "a bucket needs capacity >= 1 and a positive refill rate: " + capacity + ", " + perSecond);
    }
    this.capacity = capacity * ONE;
    this.perSecond = perSecond;
    this.millionths = this.capacity;
    this.lastMicros = nowMicros;
  }

  /** Takes one token if there is one; returns whether the action is permitted. */
  public boolean tryTake(long nowMicros) {
    if (nowMicros > lastMicros) {
      long elapsed = Math.min(nowMicros - lastMicros, capacity);
      millionths = Math.min(capacity, millionths + elapsed * perSecond);
      lastMicros = nowMicros;
    }
    if (millionths >= ONE) {
      millionths -= ONE;
      return true;
    }
    return false;
  }
}
