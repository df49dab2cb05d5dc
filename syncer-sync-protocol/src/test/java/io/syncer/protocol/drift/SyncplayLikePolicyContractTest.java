package io.syncer.protocol.drift;

class SyncplayLikePolicyContractTest extends SyncPolicyContract {
  @Override
  SyncPolicy policy() {
    return new SyncplayLikePolicy();
  }
}
