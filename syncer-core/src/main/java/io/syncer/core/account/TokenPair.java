package io.syncer.core.account;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful log-in or refresh returns: a short-lived access token to send with every
 * request and a long-lived refresh token that can be exchanged, once, for a new pair.
 *
 * <p>{@link #toString()} redacts both tokens so the pair can never leak into a log line.
 *
 * @param accessToken signed JWT, sent as {@code Authorization: Bearer <token>}
 * @param accessTokenExpiresAt when the access token stops being accepted
 * @param refreshToken opaque random secret; the server only keeps its SHA-256 hash
 * @param refreshTokenExpiresAt when the refresh token stops being accepted (unless rotated before)
 * @param account the account logged in
 *     <p>Thread-safety: immutable.
 */
public record TokenPair(
    String accessToken,
    Instant accessTokenExpiresAt,
    String refreshToken,
    Instant refreshTokenExpiresAt,
    Account account) {

  public TokenPair {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(refreshTokenExpiresAt, "refreshTokenExpiresAt");
    Objects.requireNonNull(account, "account");
  }

  @Override
  public String toString() {
    return "TokenPair[account=" + account.username() + ", accessTokenExpiresAt="
        + accessTokenExpiresAt + ", refreshTokenExpiresAt=" + refreshTokenExpiresAt
        + ", tokens redacted]";
  }
}
