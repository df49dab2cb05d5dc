package io.syncer.core.account;

import io.syncer.core.error.ConflictException;
import io.syncer.core.error.StorageException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of accounts and login sessions; the SPI behind {@link AccountService}.
 *
 * <p>Implementations only store: every rule (username format, password policy, token checks) is
 * applied by the service before it calls the store. Usernames are unique ignoring ASCII case.
 * Every implementation passes the same contract tests ({@code SyncerStoreContract}). Any method
 * may throw {@link StorageException} when the underlying store fails; nothing is changed then.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use, and each method atomic.
 */
public interface AccountStore {

  /**
   * Adds an account.
   *
   * @throws ConflictException code {@code username_taken} when the name, ignoring ASCII case, is
   *     already registered
   */
  void insertAccount(StoredAccount account);

  /** The account whose name equals {@code username} ignoring ASCII case. */
  Optional<StoredAccount> findAccountByUsername(String username);

  Optional<StoredAccount> findAccountById(UUID accountId);

  /**
   * Replaces the password hash and ends every session of the account, atomically.
   *
   * @return false when there is no such account
   */
  boolean replacePasswordHashAndEndSessions(UUID accountId, String passwordHash);

  /** Adds a session; its account exists. */
  void insertSession(StoredSession session);

  Optional<StoredSession> findSession(UUID sessionId);

  /** The session whose current <em>or previous</em> refresh token has this hash. */
  Optional<StoredSession> findSessionByRefreshTokenHash(String refreshTokenHash);

  /**
   * Replaces the session's refresh token if its current hash is still {@code expectedHash}
   * (compare-and-set, so one refresh token is redeemed at most once): the current hash becomes
   * the previous one, {@code newHash} the current one.
   *
   * @return false when the session is gone or its token was already rotated
   */
  boolean rotateRefreshToken(
      UUID sessionId, String expectedHash, String newHash, Instant newRefreshExpiresAt);

  /** @return false when there was no such session */
  boolean deleteSession(UUID sessionId);

  /** Deletes sessions whose refresh token expired before {@code now}; returns how many. */
  int deleteExpiredSessions(Instant now);
}
