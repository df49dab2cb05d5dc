package io.syncer.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.syncer.core.account.AccountStore;
import io.syncer.core.error.StorageException;
import io.syncer.core.library.LibraryStore;
import io.syncer.core.store.SyncerStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SyncerStore} in a relational database through JDBC: embedded H2 (a file in the data
 * directory) or PostgreSQL.
 *
 * <p>{@link #open} brings the schema up to date with Flyway (migrations in {@code db/migration} on
 * the class path; the SQL is portable between H2 and PostgreSQL) and then opens a HikariCP pool.
 * All statements are parameterised.
 *
 * <p>Thread-safety: safe for concurrent use; each method runs in its own transaction on a pooled
 * connection. The pool's housekeeping thread runs until {@link #close()}.
 */
public final class JdbcSyncerStore implements SyncerStore {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSyncerStore.class);

  private final HikariDataSource pool;
  private final AccountStore accounts;
  private final LibraryStore library;

  private JdbcSyncerStore(HikariDataSource pool) {
    this.pool = pool;
    Jdbc jdbc = new Jdbc(pool);
    this.accounts = new JdbcAccountStore(jdbc);
    this.library = new JdbcLibraryStore(jdbc);
  }

  /**
   * Migrates the schema and opens the pool.
   *
   * @throws StorageException {@code storage_unavailable} when the database cannot be reached or
   *     migrated (the message names the URL, never the password)
   */
  public static JdbcSyncerStore open(JdbcSettings settings) {
    migrate(settings);
    HikariConfig config = new HikariConfig();
    config.setPoolName("syncer-store");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maximumPoolSize());
    if (settings.schema() != null) {
      config.setSchema(settings.schema());
    }
    try {
      return new JdbcSyncerStore(new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw unavailable(settings, e);
    }
  }

  private static void migrate(JdbcSettings settings) {
    var configuration = Flyway.configure(JdbcSyncerStore.class.getClassLoader())
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .failOnMissingLocations(true);
    if (settings.schema() != null) {
      configuration.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
    }
    try {
      MigrateResult result = configuration.load().migrate();
      LOG.info("database {} at schema version {} ({} migrations applied)",
          JdbcSettings.redact(settings.url()),
          result.targetSchemaVersion == null ? result.initialSchemaVersion
              : result.targetSchemaVersion, result.migrationsExecuted);
    } catch (FlywayException e) {
      throw unavailable(settings, e);
    }
  }

  private static StorageException unavailable(JdbcSettings settings, RuntimeException e) {
    String message = "Cannot open the database " + JdbcSettings.redact(settings.url()) + ": "
        + JdbcSettings.redact(e.getMessage());
    LOG.error(message);
    // The cause is left out: driver messages inside it may repeat the URL unredacted.
    return new StorageException("storage_unavailable", message);
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  @Override
  public LibraryStore library() {
    return library;
  }

  @Override
  public void close() {
    pool.close();
  }
}
