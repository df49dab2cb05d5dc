package io.syncer.protocol.drift;

class JellyfinLikePolicyContractTest extends SyncPolicyContract {
  @Override
  SyncPolicy policy() {
    return JellyfinLikePolicy.withCorrection();
  }
}
