package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * A movie a room can watch: one file of a torrent.
 *
 * <p>Thread-safety: immutable.
 *
 * @param mediaId identifier of this media (1..64 printable ASCII), as in {@link
 *     Timeline#mediaId()}
 * @param title what people see, at most 256 characters, no control characters
 * @param infoHash the torrent's BitTorrent v1 info-hash, 40 lowercase hex digits
 * @param magnet a magnet URI ({@code magnet:?...}), 1..8192 printable ASCII characters
 * @param fileIndex index of the file within the torrent, {@code >= 0}
 * @param durationUs the movie's duration, µs, if known
 * @param fileLength the file's size in bytes, if known
 */
public record Media(
    String mediaId,
    String title,
    String infoHash,
    String magnet,
    int fileIndex,
    OptionalLong durationUs,
    OptionalLong fileLength) {

  public Media {
    Check.id("mediaId", mediaId);
    Check.text("title", title, 0, 256, false);
    Check.infoHash("infoHash", infoHash);
    Check.printableAscii("magnet", magnet, 1, 8192);
    if (!magnet.startsWith("magnet:?")) {
      throw new IllegalArgumentException("magnet: must start with magnet:?");
    }
    Check.range("fileIndex", fileIndex, 0, Integer.MAX_VALUE);
    Check.optionalNonNegative("durationUs", durationUs);
    Check.optionalNonNegative("fileLength", fileLength);
  }
}
