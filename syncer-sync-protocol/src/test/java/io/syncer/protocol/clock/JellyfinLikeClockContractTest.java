package io.syncer.protocol.clock;

class JellyfinLikeClockContractTest extends ClockStrategyContract {

  @Override
  ClockStrategy newStrategy() {
    return ClockStrategy.jellyfinLike();
  }
}
