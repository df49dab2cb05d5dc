package io.syncer.protocol.drift;

/**
 * What a {@link DriftController} asks the player to do after an observation.
 *
 * <p>Thread-safety: immutable.
 */
public sealed interface Correction {

  /** Leave the player as it is. */
  static Correction none() {
    return None.INSTANCE;
  }

  /** Leave the player as it is. */
  enum None implements Correction {
    INSTANCE
  }

  /**
   * Play at {@code rate} (absolute, the timeline rate times the correction) until told otherwise.
   * A local nudge: it never goes on the wire.
   *
   * @param rate playback rate, {@code > 0}
   */
  record SetRate(double rate) implements Correction {
    public SetRate {
      if (!(rate > 0 && Double.isFinite(rate))) {
        throw new IllegalArgumentException("rate must be positive: " + rate);
      }
    }
  }

  /**
   * Seek the player to {@code positionUs}. Policies that compensate seek latency have already
   * added it: the position is where the media should be when the seek completes.
   *
   * @param positionUs media position, µs, {@code >= 0}
   */
  record SeekTo(long positionUs) implements Correction {
    public SeekTo {
      if (positionUs < 0) {
        throw new IllegalArgumentException("positionUs must not be negative: " + positionUs);
      }
    }
  }
}
