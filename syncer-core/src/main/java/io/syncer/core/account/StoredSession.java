package io.syncer.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A login session as the {@link AccountStore} keeps it. Access tokens name the session, so
 * deleting it revokes them at once; the refresh token is stored only as its SHA-256 hash.
 *
 * @param id the session id (the {@code sid} claim of its access tokens)
 * @param accountId whose session it is
 * @param refreshTokenHash hex SHA-256 of the current refresh token
 * @param previousRefreshTokenHash hex SHA-256 of the refresh token it replaced, or {@code null};
 *     presenting that one again means it was copied, and ends the session
 * @param createdAt when the user logged in
 * @param refreshExpiresAt when the current refresh token stops being accepted
 *     <p>Thread-safety: immutable.
 */
public record StoredSession(
    UUID id,
    UUID accountId,
    String refreshTokenHash,
    String previousRefreshTokenHash,
    Instant createdAt,
    Instant refreshExpiresAt) {

  public StoredSession {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(refreshTokenHash, "refreshTokenHash");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
  }
}
