package io.syncer.core.store;

class InMemorySyncerStoreTest extends SyncerStoreContract {

  @Override
  protected SyncerStore openStore() {
    return new InMemorySyncerStore();
  }
}
