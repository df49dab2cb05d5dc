package io.syncer.player.media;

/**
 * What a {@link PlayerBackend} tells its listeners, in the order it happened.
 *
 * <p>Thread-safety: every event is an immutable record.
 */
public sealed interface PlayerEvent {

  /** The media was opened; the player is paused at the start, showing the first frame. */
  record Opened(MediaInfo info) implements PlayerEvent {}

  /** The clock started (after play, after buffering, after a seek while playing). */
  record Playing(long positionUs) implements PlayerEvent {}

  /** The clock stopped because the user paused. */
  record Paused(long positionUs) implements PlayerEvent {}

  /** The clock is held because the data for {@code positionUs} has not arrived yet. */
  record Buffering(long positionUs) implements PlayerEvent {}

  /**
   * A seek finished: the frame at {@code positionUs} is ready. {@code latencyUs} is the time from
   * the seek call until then; a drift controller adds it to its next seek target.
   */
  record Seeked(long positionUs, long latencyUs) implements PlayerEvent {}

  /** The last frame was shown. */
  record Ended(long positionUs) implements PlayerEvent {}

  /** Opening or playback failed; {@code message} is written for a person, not a developer. */
  record Failed(String message) implements PlayerEvent {}
}
