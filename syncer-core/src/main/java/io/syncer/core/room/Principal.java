package io.syncer.core.room;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is behind a connection.
 *
 * @param accountId the account, when the client logged in; empty for a guest
 * @param displayName the name shown to the room; empty lets the server pick one
 *
 * <p>Thread-safety: immutable.
 */
public record Principal(Optional<String> accountId, Optional<String> displayName) {

  public Principal {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(displayName, "displayName");
  }

  /** A guest without account, named as requested (or by the server). */
  public static Principal guest(Optional<String> displayName) {
    return new Principal(Optional.empty(), displayName);
  }
}
