package io.syncer.player.media;

import io.syncer.protocol.time.MicroClock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An audio output without a device: consumes samples at the pace a sound card would, so the audio
 * path (steering, tempo filter) behaves the same on a machine with no sound card or in headless
 * mode.
 *
 * <p>Thread-safety: confined to the audio thread of one playback session.
 */
final class SilentAudioOutput implements AudioOutput {

  /** Like a sound card's buffer: writes block once this much is queued. */
  private static final long BUFFER_US = 100_000L;

  private final MicroClock wall;
  private final int sampleRate;
  private final int channels;
  private long drainedAtUs;
  private long pausedQueueUs = -1;

  SilentAudioOutput(MicroClock wall, int sampleRate, int channels) {
    this.wall = wall;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.drainedAtUs = wall.nowMicros();
  }

  @Override
  public void write(short[] interleaved) {
    long durationUs = interleaved.length / channels * 1_000_000L / sampleRate;
    long queued;
    while ((queued = queuedMicros()) > BUFFER_US) {
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(queued - BUFFER_US));
    }
    drainedAtUs = wall.nowMicros() + queued + durationUs;
  }

  @Override
  public long queuedMicros() {
    if (pausedQueueUs >= 0) {
      return pausedQueueUs;
    }
    return Math.max(0L, drainedAtUs - wall.nowMicros());
  }

  @Override
  public void pause() {
    if (pausedQueueUs < 0) {
      pausedQueueUs = queuedMicros();
    }
  }

  @Override
  public void resume() {
    if (pausedQueueUs >= 0) {
      drainedAtUs = wall.nowMicros() + pausedQueueUs;
      pausedQueueUs = -1;
    }
  }

  @Override
  public void flush() {
    drainedAtUs = wall.nowMicros();
    if (pausedQueueUs >= 0) {
      pausedQueueUs = 0;
    }
  }

  @Override
  public String description() {
    return "silent";
  }

  @Override
  public void close() {
    flush();
  }
}
