package io.syncer.core.store.jdbc;

import io.syncer.core.error.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection handling shared by the JDBC stores: every statement is a {@link PreparedStatement}
 * whose values are bound as parameters, never spliced into SQL text.
 */
final class Jdbc {

  private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);
  private static final String UNIQUE_VIOLATION = "23505";
  /** PostgreSQL's code; H2 reports a missing parent row as 23506. */
  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String H2_PARENT_MISSING = "23506";

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. The
   * pool restores auto-commit when the connection is returned.
   */
  <T> T transaction(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs {@code sql} with {@code params} and returns the update count. */
  static int update(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = prepare(connection, sql, params)) {
      return statement.executeUpdate();
    }
  }

  static PreparedStatement prepare(Connection connection, String sql, Object... params)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      bind(statement, params);
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object value = params[i];
      int index = i + 1;
      if (value == null) {
        statement.setNull(index, Types.NULL);
      } else if (value instanceof Instant instant) {
        statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
      } else if (value instanceof byte[] bytes) {
        statement.setBytes(index, bytes);
      } else {
        statement.setObject(index, value);
      }
    }
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static UUID uuid(ResultSet rows, String column) throws SQLException {
    return rows.getObject(column, UUID.class);
  }

  static boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  static boolean isForeignKeyViolation(SQLException e) {
    return FOREIGN_KEY_VIOLATION.equals(e.getSQLState())
        || H2_PARENT_MISSING.equals(e.getSQLState());
  }

  static StorageException failure(SQLException e) {
    LOG.warn("database operation failed (SQLState {}, error {}): {}", e.getSQLState(),
        e.getErrorCode(), e.getMessage());
    return new StorageException("storage_failure",
        "The database is not available; nothing was changed, try again later", e);
  }
}
