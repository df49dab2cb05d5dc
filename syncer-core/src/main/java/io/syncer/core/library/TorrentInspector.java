package io.syncer.core.library;

/**
 * Parses and validates a magnet link or a .torrent file without downloading anything; the core
 * uses it when a movie is added. {@code syncer-torrent} provides the implementation on bt, so
 * the core does not depend on a torrent library.
 *
 * <p>Implementations must treat their input as hostile: bounded work and memory for any input,
 * and an {@link InvalidTorrentException} with a clear message, never another exception, for
 * anything they cannot use.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
public interface TorrentInspector {

  /**
   * Reads a magnet link. Its file list is empty: a magnet carries no metadata.
   *
   * @throws InvalidTorrentException when it is not a BitTorrent magnet link with an info-hash
   */
  MovieSource inspectMagnet(String magnetUri);

  /**
   * Reads a .torrent file (bencoded metainfo).
   *
   * @throws InvalidTorrentException when the bencode is broken or required keys are missing
   */
  MovieSource inspectTorrentFile(byte[] torrentFile);
}
