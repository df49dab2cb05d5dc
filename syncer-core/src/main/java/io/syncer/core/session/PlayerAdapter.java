package io.syncer.core.session;

import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.PlayerState;
import java.util.Optional;

/**
 * The player a {@link ParticipantSession} keeps in sync: implement it over your own player
 * (FFmpeg, mpv, a media element) and the session moves it to the room's timeline.
 *
 * <p>The session asks for the position about ten times a second and corrects by seeking (large
 * offsets) or by nudging the rate a few percent (small ones), so {@link #positionUs()} should be
 * precise (audio clock rather than frame steps) and {@link #setRate} should keep pitch.
 *
 * <p>Thread-safety: the session calls an adapter from its own executor only, one call at a time;
 * the adapter may be driven by other threads internally and must return quickly (a seek starts
 * the seek, it does not wait for it).
 */
public interface PlayerAdapter {

  /** The media position being presented now, µs. */
  long positionUs();

  /** Starts or continues playback at the current position. */
  void play();

  /** Stops playback, keeping the position. */
  void pause();

  /**
   * Moves to {@code positionUs}. While the seek is in progress the player reports {@link
   * PlayerState#BUFFERING} and the session does not correct it.
   */
  void seek(long positionUs);

  /**
   * Sets the playback rate: the room's rate, possibly nudged by a few percent for drift
   * correction. Takes effect on the next frame.
   */
  void setRate(double rate);

  /** The rate the player is playing at right now, corrections included. */
  double rate();

  /** Whether the player can play on from its position ({@code ready}) or waits for data. */
  PlayerState state();

  /** How much media is buffered ahead of the position, µs (0 when unknown). */
  long bufferedAheadUs();

  /** The player's typical seek latency, measured on its own seeks, µs (0 when unknown). */
  long seekLatencyUs();

  /**
   * How far apart the positions it reports are, µs: the frame duration for a player that reports
   * the start of the frame on screen, 0 when unknown or continuous (the default). Knowing it, the
   * session filters such a player's readings far more precisely from the first seconds on, and
   * lands its seeks where it will be kept; without it, it learns the step while the player plays.
   */
  default long positionStepUs() {
    return 0;
  }

  /**
   * The room chose other media (or none): load it, paused. The session seeks and starts it when
   * the timeline says so.
   */
  default void mediaChanged(Optional<Media> media) {}
}
