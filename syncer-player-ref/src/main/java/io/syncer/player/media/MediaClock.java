package io.syncer.player.media;

import io.syncer.protocol.time.MicroClock;

/**
 * The media position as a rate-scaled reading of an injected wall clock.
 *
 * <p>The audio line's frame position is not used as master: in VMs it moves in ~20 ms steps and
 * runs several percent slow. Audio is steered to this clock instead.
 *
 * <p>Thread-safety: safe for concurrent use; every method holds this object's monitor briefly.
 */
final class MediaClock {

  private final MicroClock wall;
  private long anchorMediaUs;
  private long anchorWallUs;
  private double rate = 1.0;
  private boolean running;

  MediaClock(MicroClock wall) {
    this.wall = wall;
  }

  synchronized long positionUs() {
    return running ? positionAt(wall.nowMicros()) : anchorMediaUs;
  }

  synchronized boolean isRunning() {
    return running;
  }

  synchronized double rate() {
    return rate;
  }

  synchronized void start() {
    if (!running) {
      anchorWallUs = wall.nowMicros();
      running = true;
    }
  }

  synchronized void stop() {
    if (running) {
      anchorMediaUs = positionAt(wall.nowMicros());
      running = false;
    }
  }

  synchronized void setPosition(long mediaUs) {
    anchorMediaUs = mediaUs;
    anchorWallUs = wall.nowMicros();
  }

  /** Changes the rate from now on; the position does not jump. */
  synchronized void setRate(double newRate) {
    long now = wall.nowMicros();
    if (running) {
      anchorMediaUs = positionAt(now);
    }
    anchorWallUs = now;
    rate = newRate;
  }

  /** Wall microseconds until the position reaches {@code mediaUs}; Long.MAX_VALUE when stopped. */
  synchronized long wallMicrosUntil(long mediaUs) {
    if (!running) {
      return Long.MAX_VALUE;
    }
    return Math.max(0L, Math.round((mediaUs - positionAt(wall.nowMicros())) / rate));
  }

  private long positionAt(long wallUs) {
    return anchorMediaUs + Math.round((wallUs - anchorWallUs) * rate);
  }
}
