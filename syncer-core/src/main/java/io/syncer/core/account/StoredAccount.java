package io.syncer.core.account;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An account as the {@link AccountStore} keeps it, with its password hash (Argon2id, PHC string
 * format). {@link #toString()} leaves the hash out.
 *
 * <p>Thread-safety: immutable.
 */
public record StoredAccount(UUID id, String username, String passwordHash, Instant createdAt) {

  public StoredAccount {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The account without password material. */
  public Account account() {
    return new Account(id, username, createdAt);
  }

  @Override
  public String toString() {
    return "StoredAccount[id=" + id + ", username=" + username + ", createdAt=" + createdAt + "]";
  }
}
