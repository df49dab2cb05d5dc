package io.syncer.server;

import io.syncer.core.library.InvalidTorrentException;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.TorrentInspector;
import io.syncer.torrent.MagnetLink;
import io.syncer.torrent.TorrentMetadata;
import java.util.List;

/**
 * The library's torrent inspector on syncer-torrent's validating parsers (bt's bencode underneath):
 * the server reads magnet links and .torrent files but never downloads movie data.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
final class BtTorrentInspector implements TorrentInspector {

  @Override
  public MovieSource inspectMagnet(String magnetUri) {
    MagnetLink link;
    try {
      link = MagnetLink.parse(magnetUri);
    } catch (io.syncer.torrent.InvalidTorrentException e) {
      throw new InvalidTorrentException(e.getMessage());
    }
    String name = link.displayName().isEmpty() ? null : link.displayName();
    return new MovieSource(link.infoHash(), name, link.trackers(), List.of(), link.uri());
  }

  @Override
  public MovieSource inspectTorrentFile(byte[] torrentFile) {
    TorrentMetadata metadata;
    try {
      metadata = TorrentMetadata.parse(torrentFile);
    } catch (io.syncer.torrent.InvalidTorrentException e) {
      throw new InvalidTorrentException(e.getMessage());
    }
    List<MovieFile> files =
        metadata.files().stream().map(f -> new MovieFile(f.displayPath(), f.length())).toList();
    return new MovieSource(
        metadata.infoHash(), metadata.name(), metadata.trackers(), files, metadata.magnetUri());
  }
}
