package io.syncer.core.account;

import io.syncer.core.error.AuthenticationException;

/**
 * Turns an access token into the user it was issued to; what a transport (REST, WebSocket {@code
 * hello.token}) needs to authenticate a caller.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface TokenVerifier {

  /**
   * Checks the token's signature, issuer and expiry, and that its login session has not ended.
   *
   * @throws AuthenticationException code {@code invalid_token} (malformed, tampered, wrong key),
   *     {@code token_expired} or {@code session_ended} (logged out, password changed)
   */
  AuthenticatedUser verify(String accessToken);
}
