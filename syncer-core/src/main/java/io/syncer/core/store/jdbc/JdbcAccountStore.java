package io.syncer.core.store.jdbc;

import static io.syncer.core.store.jdbc.Jdbc.instant;
import static io.syncer.core.store.jdbc.Jdbc.prepare;
import static io.syncer.core.store.jdbc.Jdbc.update;
import static io.syncer.core.store.jdbc.Jdbc.uuid;

import io.syncer.core.account.AccountStore;
import io.syncer.core.account.StoredAccount;
import io.syncer.core.account.StoredSession;
import io.syncer.core.error.ConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** {@link AccountStore} on the tables {@code accounts} and {@code sessions}. */
final class JdbcAccountStore implements AccountStore {

  private static final String ACCOUNT_COLUMNS = "id, username, password_hash, created_at";
  private static final String SESSION_COLUMNS = "id, account_id, refresh_token_hash,"
      + " previous_refresh_token_hash, created_at, refresh_expires_at";

  private final Jdbc jdbc;

  JdbcAccountStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insertAccount(StoredAccount account) {
    jdbc.transaction(c -> {
      try {
        return update(c, "INSERT INTO accounts (id, username, username_key, password_hash,"
                + " created_at) VALUES (?, ?, ?, ?, ?)",
            account.id(), account.username(), account.username().toLowerCase(Locale.ROOT),
            account.passwordHash(), account.createdAt());
      } catch (SQLException e) {
        if (Jdbc.isUniqueViolation(e)) {
          throw new ConflictException("username_taken", "This username is taken");
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<StoredAccount> findAccountByUsername(String username) {
    return jdbc.transaction(c -> findAccount(c, "username_key", username.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Optional<StoredAccount> findAccountById(UUID accountId) {
    return jdbc.transaction(c -> findAccount(c, "id", accountId));
  }

  private static Optional<StoredAccount> findAccount(Connection c, String keyColumn, Object key)
      throws SQLException {
    // keyColumn is one of two constants above, never input.
    try (PreparedStatement s = prepare(c,
            "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE " + keyColumn + " = ?", key);
        ResultSet rows = s.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(new StoredAccount(uuid(rows, "id"), rows.getString("username"),
          rows.getString("password_hash"), instant(rows, "created_at")));
    }
  }

  @Override
  public boolean replacePasswordHashAndEndSessions(UUID accountId, String passwordHash) {
    return jdbc.transaction(c -> {
      if (update(c, "UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash,
          accountId) == 0) {
        return false;
      }
      update(c, "DELETE FROM sessions WHERE account_id = ?", accountId);
      return true;
    });
  }

  @Override
  public void insertSession(StoredSession session) {
    jdbc.transaction(c -> update(c, "INSERT INTO sessions (" + SESSION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?)",
        session.id(), session.accountId(), session.refreshTokenHash(),
        session.previousRefreshTokenHash(), session.createdAt(), session.refreshExpiresAt()));
  }

  @Override
  public Optional<StoredSession> findSession(UUID sessionId) {
    return jdbc.transaction(c -> findSession(c, "id = ?", sessionId));
  }

  @Override
  public Optional<StoredSession> findSessionByRefreshTokenHash(String refreshTokenHash) {
    return jdbc.transaction(c -> findSession(c,
        "refresh_token_hash = ? OR previous_refresh_token_hash = ?", refreshTokenHash,
        refreshTokenHash));
  }

  private static Optional<StoredSession> findSession(Connection c, String condition,
      Object... params) throws SQLException {
    // condition is one of the constants above, never input.
    try (PreparedStatement s = prepare(c,
            "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE " + condition, params);
        ResultSet rows = s.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(new StoredSession(uuid(rows, "id"), uuid(rows, "account_id"),
          rows.getString("refresh_token_hash"), rows.getString("previous_refresh_token_hash"),
          instant(rows, "created_at"), instant(rows, "refresh_expires_at")));
    }
  }

  @Override
  public boolean rotateRefreshToken(
      UUID sessionId, String expectedHash, String newHash, Instant newRefreshExpiresAt) {
    return jdbc.transaction(c -> update(c,
        "UPDATE sessions SET previous_refresh_token_hash = refresh_token_hash,"
            + " refresh_token_hash = ?, refresh_expires_at = ?"
            + " WHERE id = ? AND refresh_token_hash = ?",
        newHash, newRefreshExpiresAt, sessionId, expectedHash) == 1);
  }

  @Override
  public boolean deleteSession(UUID sessionId) {
    return jdbc.transaction(c -> update(c, "DELETE FROM sessions WHERE id = ?", sessionId) == 1);
  }

  @Override
  public int deleteExpiredSessions(Instant now) {
    return jdbc.transaction(c ->
        update(c, "DELETE FROM sessions WHERE refresh_expires_at < ?", now));
  }
}
