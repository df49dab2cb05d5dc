package io.syncer.core.store.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 database file in a temporary directory. */
class H2SyncerStoreTest extends JdbcStoreContract {

  @TempDir Path dataDirectory;

  @Override
  protected JdbcSettings settings() {
    return JdbcSettings.h2(dataDirectory);
  }
}
