package io.syncer.player.room;

import java.net.URI;

/**
 * The room's media made playable on this machine: a location a {@link
 * io.syncer.player.media.PlayerBackend} opens, and how much of it is there ahead of the player.
 *
 * <p>Thread-safety: implementations are safe to call from any thread.
 */
public interface PlayableMedia extends AutoCloseable {

  /** What the backend opens ({@code file:} or {@code http:}). */
  URI location();

  /** Media ready ahead of the player's position, µs; 0 when unknown. */
  long bufferedAheadUs();

  /** The player learned the media's length (µs); a stream may size its read-ahead with it. */
  default void durationKnown(long durationUs) {}

  /** Stops fetching the media; the location stops working. */
  @Override
  void close();
}
