package io.syncer.torrent;

import io.syncer.torrent.internal.MagnetParser;
import java.util.List;
import java.util.Objects;

/**
 * A parsed and validated BitTorrent v1 magnet link.
 *
 * <p>Thread-safety: immutable.
 *
 * @param infoHash the info-hash as 40 lowercase hex digits
 * @param displayName the {@code dn} parameter, empty when absent
 * @param trackers tracker URLs ({@code tr}; http, https or udp), in link order, no duplicates
 * @param peers peers named by {@code x.pe}, in link order, no duplicates
 */
public record MagnetLink(
    String infoHash, String displayName, List<String> trackers, List<PeerAddress> peers) {

  public MagnetLink {
    Objects.requireNonNull(infoHash, "infoHash");
    if (!infoHash.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException("info-hash must be 40 lowercase hex digits");
    }
    Objects.requireNonNull(displayName, "displayName");
    trackers = List.copyOf(trackers);
    peers = List.copyOf(peers);
  }

  /**
   * Parses a magnet link ({@code magnet:?xt=urn:btih:...}, hex or base32 info-hash).
   *
   * @throws InvalidTorrentException when the text is not a usable magnet link; the message says why
   */
  public static MagnetLink parse(String text) throws InvalidTorrentException {
    return MagnetParser.parse(text);
  }

  /** The canonical magnet URI: info-hash, name, trackers and peers, percent-encoded. */
  public String uri() {
    return MagnetParser.format(infoHash, displayName, trackers, peers);
  }
}
