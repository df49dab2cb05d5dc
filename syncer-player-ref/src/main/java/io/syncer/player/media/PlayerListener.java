package io.syncer.player.media;

/**
 * Receives a {@link PlayerBackend}'s events.
 *
 * <p>Thread-safety: called on the backend's single event thread, one event at a time and in
 * order; implementations must return quickly and hop to their own thread (for example the Swing
 * event thread) for real work.
 */
@FunctionalInterface
public interface PlayerListener {
  void onEvent(PlayerEvent event);
}
