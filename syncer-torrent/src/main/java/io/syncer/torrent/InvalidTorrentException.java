package io.syncer.torrent;

/**
 * A magnet link, .torrent file or metadata received from a peer was malformed, oversized or
 * hostile (for example a file path that would escape the download directory).
 *
 * <p>The message says what was wrong in words fit for a user; it never echoes more than a short
 * excerpt of the offending input.
 *
 * <p>Thread-safety: immutable.
 */
public final class InvalidTorrentException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidTorrentException(String message) {
    super(message);
  }

  public InvalidTorrentException(String message, Throwable cause) {
    super(message, cause);
  }
}
