package io.syncer.core.room;

import java.util.Optional;

/**
 * Decides who a connection is from the credentials in its {@code hello}: the hook through which
 * accounts plug into the room authority. The default, {@link #anonymous()}, admits everybody under
 * the display name they ask for.
 *
 * <p>Called on a room-pool thread, once per {@code hello}; it may do brief blocking work (verify a
 * signature, read a cache) but should not wait on the network.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * The identity behind these credentials, or empty to refuse the {@code hello} with {@code
   * unauthorized}.
   *
   * @param token the access token of the {@code hello}, if any
   * @param requestedName the display name the client asked for, if any
   */
  Optional<Principal> authenticate(Optional<String> token, Optional<String> requestedName);

  /** Admits everybody without an account; refuses hellos that present a token it cannot check. */
  static Authenticator anonymous() {
    return (token, requestedName) ->
        token.isPresent() ? Optional.empty() : Optional.of(Principal.guest(requestedName));
  }
}
