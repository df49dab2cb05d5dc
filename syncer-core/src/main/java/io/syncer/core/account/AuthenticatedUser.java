package io.syncer.core.account;

import java.util.Objects;
import java.util.UUID;

/**
 * Who sent a request, as proven by a valid access token.
 *
 * @param userId the account's id
 * @param username the account's name
 * @param sessionId the login session the token belongs to; logging out ends it
 *     <p>Thread-safety: immutable.
 */
public record AuthenticatedUser(UUID userId, String username, UUID sessionId) {
  public AuthenticatedUser {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(sessionId, "sessionId");
  }
}
