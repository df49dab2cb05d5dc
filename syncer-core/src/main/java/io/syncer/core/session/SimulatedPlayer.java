package io.syncer.core.session;

import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.time.MicroClock;

/**
 * A player without media: a faithful model of one on a (possibly emulated or virtual) clock, for
 * headless participants, simulations and tests. The position advances at the current rate while
 * playing; a seek freezes it for the seek latency (state {@code buffering}) and then continues from
 * the target; a stall freezes it until released. Like a real player it knows nothing of the room's
 * timeline: only the {@link PlayerAdapter} calls move it.
 *
 * <p>Thread-safety: safe for concurrent use (all methods synchronize on the player).
 */
public final class SimulatedPlayer implements PlayerAdapter {

  /** What a healthy simulated player reports as buffered ahead. */
  private static final long BUFFERED_AHEAD_US = 10_000_000;

  private final MicroClock clock;
  private final long seekLatencyUs;
  private long basePosition;
  private long baseTime;
  private double rate = 1.0;
  private boolean playing;
  private boolean stalled;
  private long seekTarget;
  private long seekDoneAt = -1;
  private int seeks;

  /**
   * @param clock the clock the media position advances on
   * @param seekLatencyUs how long every seek takes, µs
   */
  public SimulatedPlayer(MicroClock clock, long seekLatencyUs) {
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

  /** Whether the player is playing (it may still be frozen by a seek or a stall). */
  public synchronized boolean playing() {
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

  /** How many seeks the player was asked for. */
  public synchronized int seeks() {
    return seeks;
  }

  /** Starts (true) or ends (false) a stall: the position freezes and the state is buffering. */
  public synchronized void stall(boolean stall) {
    rebase();
    stalled = stall;
  }

  @Override
  public synchronized PlayerState state() {
    settle();
    return stalled || seekDoneAt >= 0 ? PlayerState.BUFFERING : PlayerState.READY;
  }

  @Override
  public synchronized long bufferedAheadUs() {
    return stalled ? 0 : BUFFERED_AHEAD_US;
  }

  @Override
  public long seekLatencyUs() {
    return seekLatencyUs;
  }
}
