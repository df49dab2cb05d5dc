package io.syncer.core.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.account.StoredAccount;
import io.syncer.core.library.MovieEntry;
import io.syncer.core.store.SyncerStore;
import io.syncer.core.store.SyncerStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The store contract plus what only a database store promises: data outlives the process. */
abstract class JdbcStoreContract extends SyncerStoreContract {

  /** Where the store under test keeps its data; the same for every call within one test. */
  protected abstract JdbcSettings settings();

  @Override
  protected SyncerStore openStore() {
    return JdbcSyncerStore.open(settings());
  }

  @Test
  void everythingSurvivesClosingAndReopening() {
    StoredAccount alice = account("alice");
    MovieEntry entry = movie(alice, "Persistent", T0, "kept");
    UUID comment = UUID.randomUUID();
    store.library().insertComment(comment, entry.id(), alice.id(), "still here", T0);
    store.library().putRating(entry.id(), alice.id(), 7, T0);
    var before = store.library().findMovie(entry.id()).orElseThrow();

    store.close();
    store = JdbcSyncerStore.open(settings());

    assertThat(store.accounts().findAccountByUsername("alice")).contains(alice);
    assertThat(store.library().findMovie(entry.id())).contains(before);
    assertThat(store.library().findComment(comment).orElseThrow().text()).isEqualTo("still here");
  }
}
