package io.syncer.core.store.jdbc;

import io.syncer.core.testing.PostgresTestDatabase;

/**
 * The store contract on the PostgreSQL server of {@code scripts/test-setup.d/20-postgresql.sh},
 * in a schema of its own per test. Skipped locally when that server is not set up; a failure
 * when {@code CI=true}.
 */
class PostgresSyncerStoreTest extends JdbcStoreContract {

  private JdbcSettings settings;

  @Override
  protected JdbcSettings settings() {
    if (settings == null) {
      settings = PostgresTestDatabase.freshSchema();
    }
    return settings;
  }

  @Override
  protected void afterClose() throws Exception {
    PostgresTestDatabase.dropSchema(settings);
  }
}
