package io.syncer.torrent;

import io.syncer.torrent.internal.MagnetParser;
import io.syncer.torrent.internal.MetainfoReader;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Validated metadata of a BitTorrent v1 torrent: what a .torrent file or the metadata fetched
 * from peers (BEP 9) says, checked against hostile input.
 *
 * <p>Every file path is safe to create below a download directory, lengths add up, the piece
 * count matches the total length, and sizes are within the limits documented on {@link #parse}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param infoHash SHA-1 of the info dictionary, 40 lowercase hex digits
 * @param name the torrent's name (the file name of a single-file torrent, else its directory)
 * @param trackers tracker URLs (http, https or udp), tiers flattened, no duplicates
 * @param files the files in metadata order
 * @param pieceLength bytes per piece (the last piece may be shorter)
 * @param pieceCount number of pieces
 * @param totalLength sum of the file lengths
 */
public record TorrentMetadata(
    String infoHash,
    String name,
    List<String> trackers,
    List<TorrentFileInfo> files,
    long pieceLength,
    int pieceCount,
    long totalLength) {

  /** Largest .torrent file accepted by {@link #parse}. */
  public static final int MAX_TORRENT_FILE_BYTES = 8 * 1024 * 1024;

  public TorrentMetadata {
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(name, "name");
    trackers = List.copyOf(trackers);
    files = List.copyOf(files);
    if (files.isEmpty() || pieceLength <= 0 || pieceCount <= 0 || totalLength < 0) {
      throw new IllegalArgumentException("incomplete torrent metadata");
    }
  }

  /**
   * Parses and validates the bytes of a .torrent file (a bencoded metainfo dictionary, or a bare
   * info dictionary as exchanged by BEP 9).
   *
   * <p>Rejected: more than {@link #MAX_TORRENT_FILE_BYTES} bytes, malformed bencoding, nesting
   * deeper than 8, missing or mistyped fields, piece hashes that are not a multiple of 20 bytes
   * or do not match the total length, more than 1,048,576 pieces or 100,000 files, pieces
   * smaller than 1 KiB or larger than 256 MiB, negative lengths, and any file path that is
   * absolute, empty, contains "." or ".." elements, separators, NUL or control characters, or
   * repeats another file's path.
   *
   * @throws InvalidTorrentException naming the first problem found
   */
  public static TorrentMetadata parse(byte[] torrentFile) throws InvalidTorrentException {
    return MetainfoReader.read(torrentFile);
  }

  /**
   * The file a player should open: the largest file whose extension names a video container,
   * else the largest file. Ties go to the earlier file.
   */
  public TorrentFileInfo defaultFile() {
    Comparator<TorrentFileInfo> bySize =
        Comparator.comparingLong(TorrentFileInfo::length)
            .thenComparing(Comparator.comparingInt(TorrentFileInfo::index).reversed());
    return files.stream()
        .filter(TorrentFileInfo::isVideo)
        .max(bySize)
        .orElseGet(() -> files.stream().max(bySize).orElseThrow());
  }

  /**
   * The file at {@code index}.
   *
   * @throws IllegalArgumentException when there is no such file
   */
  public TorrentFileInfo file(int index) {
    if (index < 0 || index >= files.size()) {
      throw new IllegalArgumentException(
          "no file " + index + " in torrent with " + files.size() + " files");
    }
    return files.get(index);
  }

  /** A magnet link for this torrent with its name and trackers (at most 8192 characters). */
  public String magnetUri() {
    return MagnetParser.format(infoHash, name, trackers, List.of());
  }
}
