package io.syncer.protocol.time;

enum SystemMicroClock implements MicroClock {
  INSTANCE;

  @Override
  public long nowMicros() {
    return System.nanoTime() / 1_000L;
  }
}
