package io.syncer.torrent;

import io.syncer.torrent.internal.MediaTypes;
import java.util.List;

/**
 * One file of a torrent, as listed in its metadata.
 *
 * <p>Thread-safety: immutable.
 *
 * @param index position in the torrent's file list (0-based)
 * @param path path elements below the torrent's directory; validated: none is empty, ".", ".." or
 *     contains a separator, a NUL or a control character
 * @param length length in bytes
 * @param offset byte offset of the file's first byte in the torrent's concatenated data
 */
public record TorrentFileInfo(int index, List<String> path, long length, long offset) {

  public TorrentFileInfo {
    path = List.copyOf(path);
    if (index < 0 || length < 0 || offset < 0 || path.isEmpty()) {
      throw new IllegalArgumentException("invalid torrent file entry");
    }
  }

  /** The path elements joined with {@code /}. */
  public String displayPath() {
    return String.join("/", path);
  }

  /** MIME type guessed from the file name's extension; {@code application/octet-stream} if unknown. */
  public String contentType() {
    return MediaTypes.contentType(path.get(path.size() - 1));
  }

  /** Whether the extension names a video container (mp4, mkv, webm, avi, ...). */
  public boolean isVideo() {
    return MediaTypes.isVideo(path.get(path.size() - 1));
  }
}
