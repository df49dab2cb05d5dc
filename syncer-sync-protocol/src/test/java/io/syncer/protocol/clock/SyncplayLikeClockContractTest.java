package io.syncer.protocol.clock;

class SyncplayLikeClockContractTest extends ClockStrategyContract {

  @Override
  ClockStrategy newStrategy() {
    return ClockStrategy.syncplayLike();
  }
}
