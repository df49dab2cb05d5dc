package io.syncer.torrent;

import java.io.InterruptedIOException;

/**
 * A read or a wait for metadata did not complete within its timeout because the bytes had not
 * been downloaded and verified yet. The stream stays usable; the caller may retry.
 *
 * <p>Thread-safety: immutable.
 */
public final class StreamTimeoutException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  public StreamTimeoutException(String message) {
    super(message);
  }
}
