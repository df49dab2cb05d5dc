package io.syncer.player.media;

/**
 * Where a {@link PlayerBackend} is in its life; the media clock runs only in {@link #PLAYING}.
 *
 * <p>Thread-safety: immutable.
 */
public enum PlaybackState {
  /** Nothing opened yet, or the last media was closed. */
  IDLE,
  /** The media is being opened (probing the container, connecting to a stream). */
  OPENING,
  /** Opened and holding still; the clock is stopped. */
  PAUSED,
  /** The clock runs and frames are shown at their time. */
  PLAYING,
  /** Wants to play, but the data for the current position has not arrived; the clock is held. */
  BUFFERING,
  /** A seek is being carried out; the clock is held at the target. */
  SEEKING,
  /** The last frame was shown; the clock is stopped at the end. */
  ENDED,
  /** Opening or decoding failed; see the {@link PlayerEvent.Failed} event. */
  FAILED
}
