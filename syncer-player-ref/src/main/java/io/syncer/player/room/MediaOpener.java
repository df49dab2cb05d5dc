package io.syncer.player.room;

import io.syncer.protocol.message.Media;
import java.util.concurrent.CompletableFuture;

/**
 * Makes the room's chosen {@link Media} playable here: for the reference player, streams its
 * torrent through a local HTTP server ({@link RoomStreaming}).
 *
 * <p>Thread-safety: implementations are safe to call from any thread.
 */
@FunctionalInterface
public interface MediaOpener {

  /**
   * Starts fetching {@code media} and returns at once; completes with the playable media, or
   * exceptionally with a message written for a person when it cannot be had.
   */
  CompletableFuture<PlayableMedia> open(Media media);
}
