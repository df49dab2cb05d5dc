package io.syncer.core.account;

import io.syncer.core.error.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code maxFailures} failed log-ins for one username within the
 * lockout period, further attempts are refused without checking the password until the lockout
 * ends. In memory only, per server process.
 */
final class LoginThrottle {

  /** Above this many tracked usernames, stale entries are dropped. */
  private static final int PRUNE_THRESHOLD = 10_000;

  private record Failures(int count, Instant firstAt, Instant lockedUntil) {}

  private final int maxFailures;
  private final Duration lockout;
  private final Clock clock;
  private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(int maxFailures, Duration lockout, Clock clock) {
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    this.clock = clock;
  }

  void checkAllowed(String usernameKey) {
    Failures f = failures.get(usernameKey);
    Instant now = clock.instant();
    if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
      long seconds = Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds());
      throw new RateLimitedException("too_many_attempts",
          "Too many failed log-ins for this account; try again in " + seconds + " s");
    }
  }

  void recordFailure(String usernameKey) {
    Instant now = clock.instant();
    failures.compute(usernameKey, (key, f) -> {
      boolean fresh = f == null || !now.isBefore(f.firstAt().plus(lockout))
          || f.lockedUntil() != null;
      int count = fresh ? 1 : f.count() + 1;
      Instant firstAt = fresh ? now : f.firstAt();
      return count >= maxFailures
          ? new Failures(0, now, now.plus(lockout))
          : new Failures(count, firstAt, null);
    });
    if (failures.size() > PRUNE_THRESHOLD) {
      failures.values().removeIf(f -> isStale(f, now));
    }
  }

  void recordSuccess(String usernameKey) {
    failures.remove(usernameKey);
  }

  private boolean isStale(Failures f, Instant now) {
    Instant relevantUntil = f.lockedUntil() != null ? f.lockedUntil() : f.firstAt().plus(lockout);
    return !now.isBefore(relevantUntil);
  }
}
