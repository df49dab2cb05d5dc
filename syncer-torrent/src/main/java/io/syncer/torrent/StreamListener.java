package io.syncer.torrent;

import java.time.Duration;

/**
 * Receives a streaming torrent's status about once a second and its stalls as they happen.
 *
 * <p>Calls come from one background thread of the {@link TorrentStreamer}, in order; a slow
 * listener delays the others, so hand long work elsewhere. Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface StreamListener {

  void onStatus(StreamStatus status);

  /** A read at {@code position} has to wait because its piece is not downloaded yet. */
  default void onStallStarted(long position) {}

  /** The read at {@code position} got its bytes after waiting {@code stalledFor}. */
  default void onStallEnded(long position, Duration stalledFor) {}
}
