package io.syncer.core.library;

import io.syncer.core.error.InvalidInputException;

/**
 * A magnet link or .torrent file that cannot be used: malformed (broken bencode, no info-hash),
 * or beyond the limits of {@link MovieSource}. Code {@code invalid_torrent}.
 *
 * <p>Thread-safety: immutable.
 */
public final class InvalidTorrentException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  public InvalidTorrentException(String message) {
    super("invalid_torrent", message);
  }
}
