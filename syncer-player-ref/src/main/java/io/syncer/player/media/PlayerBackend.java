package io.syncer.player.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A media player engine: opens a file or stream, decodes it and presents it against a media clock.
 *
 * <p>The {@link #positionUs() position} is a rate-scaled clock, not a guess from the last frame:
 * a drift controller can read it at any time and trust it to the millisecond. Commands return at
 * once; what they cause arrives as {@link PlayerEvent}s.
 *
 * <p>Thread-safety: implementations are safe to call from any thread.
 */
public interface PlayerBackend extends AutoCloseable {

  /**
   * Opens {@code media} ({@code file:} or {@code http(s):} URI), closing whatever was open. Ends
   * with {@link PlayerEvent.Opened} (paused at the start) or {@link PlayerEvent.Failed}.
   */
  void open(URI media);

  /** Opens a local file; see {@link #open(URI)}. */
  default void open(Path file) {
    open(file.toAbsolutePath().toUri());
  }

  /**
   * Starts or resumes the clock; after the end, starts again from the beginning. Called while
   * opening, seeking or buffering, playback starts as soon as the data is there.
   */
  void play();

  /** Stops the clock where it is. */
  void pause();

  /**
   * Moves to {@code positionUs}. With {@code exact} the frame on screen afterwards is the one whose
   * display interval contains the target; without, the first frame the decoder lands on (faster on
   * long keyframe intervals). Ends with {@link PlayerEvent.Seeked}; a seek overtaken by another
   * before it finished reports nothing. The target is clamped to the media's length.
   */
  void seek(long positionUs, boolean exact);

  /**
   * Sets the playback rate, keeping the audio's pitch. Small rates around 1.0 (0.95–1.05) are how
   * a drift controller catches up; larger ones are the owner's choice.
   *
   * @throws IllegalArgumentException outside {@link #MIN_RATE}..{@link #MAX_RATE}
   */
  void setRate(double rate);

  double rate();

  /** Current media position in microseconds, read from the media clock. */
  long positionUs();

  /** Length of the open media in microseconds, or -1 when unknown or nothing is open. */
  long durationUs();

  PlaybackState state();

  /** Sets the loudness from 0.0 (muted) to 1.0 (as decoded). */
  void setVolume(double volume);

  double volume();

  /** How long the last seek took from call to frame ready, in microseconds; -1 before any seek. */
  long lastSeekLatencyUs();

  /** The frame on screen now, if any. */
  Optional<VideoFrame> currentFrame();

  /**
   * Receives every frame at the moment it is due, on the backend's presentation thread; the sink
   * must return quickly (hand the frame to the UI and return).
   */
  void setVideoSink(Consumer<VideoFrame> sink);

  void addListener(PlayerListener listener);

  void removeListener(PlayerListener listener);

  /** Stops every thread and releases the decoder and audio device; the backend cannot be reused. */
  @Override
  void close();

  double MIN_RATE = 0.5;
  double MAX_RATE = 2.0;
}
