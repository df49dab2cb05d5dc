package io.syncer.protocol.drift;

class SyncerDriftPolicyContractTest extends SyncPolicyContract {
  @Override
  SyncPolicy policy() {
    return SyncerDriftPolicy.defaults();
  }
}
