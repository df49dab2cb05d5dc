package io.syncer.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered user as others may see it: no password material.
 *
 * @param id stable identifier, never reused
 * @param username the name as registered (case preserved; unique ignoring ASCII case)
 * @param createdAt when the account was registered
 *     <p>Thread-safety: immutable.
 */
public record Account(UUID id, String username, Instant createdAt) {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
