package io.syncer.core.library;

import java.util.Objects;
import java.util.UUID;

/**
 * What the members of a room need to stream the owner's chosen movie, and nothing else from the
 * owner's library: no description, tags, ratings or comments. Fits the wire protocol's {@code
 * Media} message (the movie id can serve as its {@code mediaId}).
 *
 * @param movieId the library entry it came from
 * @param infoHash BitTorrent v1 info-hash, 40 lower-case hex digits
 * @param magnetUri magnet link with name and trackers, printable ASCII, at most {@link
 *     #MAX_MAGNET_LENGTH} characters (trackers that do not fit are left out)
 * @param fileIndex index of the file to play in the torrent, or {@code null} when the owner added
 *     a magnet link whose file list is not known yet
 * @param fileLength size of that file in bytes, or {@code null} with {@code fileIndex}
 * @param title the movie's title as the owner named it
 *     <p>Thread-safety: immutable.
 */
public record RoomMedia(
    UUID movieId, String infoHash, String magnetUri, Integer fileIndex, Long fileLength,
    String title) {

  /** The wire protocol's limit for a magnet link. */
  public static final int MAX_MAGNET_LENGTH = 8192;

  public RoomMedia {
    Objects.requireNonNull(movieId, "movieId");
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(magnetUri, "magnetUri");
    Objects.requireNonNull(title, "title");
  }
}
