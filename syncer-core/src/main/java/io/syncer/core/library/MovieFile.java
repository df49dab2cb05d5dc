package io.syncer.core.library;

import java.util.Objects;

/**
 * One file of a torrent.
 *
 * @param path path inside the torrent, elements joined by {@code /}
 * @param length size in bytes
 *     <p>Thread-safety: immutable.
 */
public record MovieFile(String path, long length) {

  /** Longest accepted path, in characters. */
  public static final int MAX_PATH_LENGTH = 4096;

  public MovieFile {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty() || path.length() > MAX_PATH_LENGTH || path.indexOf('\0') >= 0) {
      throw new InvalidTorrentException(
          "a file path in the torrent is empty, longer than " + MAX_PATH_LENGTH
              + " characters or contains NUL");
    }
    if (length < 0) {
      throw new InvalidTorrentException("a file in the torrent has a negative length");
    }
  }
}
