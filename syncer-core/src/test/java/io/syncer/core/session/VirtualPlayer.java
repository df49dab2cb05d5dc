package io.syncer.core.session;

import io.syncer.core.session.PlayerAdapter;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.time.MicroClock;

/**
 * A player model on a local clock: the position advances at the current rate while playing, a seek
 * freezes it for the seek latency (state buffering) and then continues from the target, a stall
 * freezes it until released. It never sees the room's timeline.
 */
final class VirtualPlayer implements PlayerAdapter {

  private final MicroClock clock;
  private final long seekLatencyUs;
  private long basePosition;
  private long baseTime;
  private double rate = 1.0;
  private boolean playing;
  private boolean stalled;
  private long seekTarget;
  private long seekDoneAt = -1;
  int seeks;

  VirtualPlayer(MicroClock clock, long seekLatencyUs) {
    this.clock = clock;
    this.seekLatencyUs = seekLatencyUs;
    this.baseTime = clock.nowMicros();
  }

  private synchronized void settle() {
    long now = clock.nowMicros();
    if (seekDoneAt >= 0 && now >= seekDoneAt) {
      basePosition = seekTarget;
      baseTime = seekDoneAt;
      seekDoneAt = -1;
    }
  }

  private boolean moving() {
    return playing && !stalled && seekDoneAt < 0;
  }

  /** Freezes the position where it is now and restarts the clock of the segment. */
  private void rebase() {
    settle();
    long now = clock.nowMicros();
    basePosition = positionAt(now);
    baseTime = now;
  }

  private long positionAt(long now) {
    return moving() ? basePosition + Math.round((now - baseTime) * rate) : basePosition;
  }

  @Override
  public synchronized long positionUs() {
    settle();
    return positionAt(clock.nowMicros());
  }

  @Override
  public synchronized void play() {
    rebase();
    playing = true;
  }

  @Override
  public synchronized void pause() {
    rebase();
    playing = false;
  }

  synchronized boolean playing() {
    return playing;
  }

  @Override
  public synchronized void seek(long positionUs) {
    rebase();
    seeks++;
    seekTarget = positionUs;
    seekDoneAt = clock.nowMicros() + seekLatencyUs;
  }

  @Override
  public synchronized void setRate(double rate) {
    rebase();
    this.rate = rate;
  }

  @Override
  public synchronized double rate() {
    return rate;
  }

  synchronized void stall(boolean stall) {
    rebase();
    stalled = stall;
  }

  @Override
  public synchronized PlayerState state() {
    settle();
    return stalled || seekDoneAt >= 0 ? PlayerState.BUFFERING : PlayerState.READY;
  }

  @Override
  public long bufferedAheadUs() {
    return stalled ? 0 : 10_000_000;
  }

  @Override
  public long seekLatencyUs() {
    return seekLatencyUs;
  }
}
