package io.syncer.server.rest;

import io.syncer.core.store.jdbc.JdbcSettings;
import io.syncer.core.testing.PostgresTestDatabase;
import io.syncer.server.storage.StorageOptions;
import java.nio.file.Path;

/**
 * Restart on PostgreSQL, as with {@code --db-url}: the server of {@code
 * scripts/test-setup.d/20-postgresql.sh}, a schema of its own. Skipped locally without that
 * server; a failure when {@code CI=true}.
 */
class PostgresServerRestartTest extends ServerRestartContract {

  private JdbcSettings database;

  @Override
  protected StorageOptions options(Path dataDirectory) {
    if (database == null) {
      database = PostgresTestDatabase.freshSchema();
    }
    return new StorageOptions(dataDirectory, database.url(), database.user(), database.password(),
        database.schema(), null);
  }

  @Override
  protected void afterStop() throws Exception {
    if (database != null) {
      PostgresTestDatabase.dropSchema(database);
    }
  }
}
