package io.syncer.core.library;

import java.util.Objects;

/**
 * What the members of a room need to stream the owner's chosen movie, and nothing else from the
 * owner's library: no description, tags, ratings or comments.
 *
 * @param infoHash BitTorrent v1 info-hash, 40 lower-case hex digits
 * @param magnetUri magnet link with name and trackers
 * @param fileIndex index of the file to play in the torrent, or {@code null} when the owner added
 *     a magnet link whose file list is not known yet (members then play the largest video file)
 * @param fileLength size of that file in bytes, or {@code null} with {@code fileIndex}
 * @param title the movie's title as the owner named it
 *     <p>Thread-safety: immutable.
 */
public record RoomMedia(
    String infoHash, String magnetUri, Integer fileIndex, Long fileLength, String title) {

  public RoomMedia {
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(magnetUri, "magnetUri");
    Objects.requireNonNull(title, "title");
  }
}
