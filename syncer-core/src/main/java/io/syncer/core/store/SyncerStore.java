package io.syncer.core.store;

import io.syncer.core.account.AccountStore;
import io.syncer.core.library.LibraryStore;

/**
 * Everything Syncer persists: accounts and sessions, and the movie libraries. One object so that
 * both halves share one database (deleting an account can reach its movies) and one lifecycle.
 *
 * <p>Implementations: {@link InMemorySyncerStore} (tests, demos) and {@code
 * io.syncer.core.store.jdbc.JdbcSyncerStore} (H2 or PostgreSQL). Every implementation passes the
 * same contract tests.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface SyncerStore extends AutoCloseable {

  AccountStore accounts();

  LibraryStore library();

  /** Releases connections and threads; the store must not be used afterwards. */
  @Override
  void close();
}
