package io.syncer.player.testing;

import bt.torrent.maker.TorrentBuilder;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.TorrentMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * .torrent files for test videos, and seed directories laid out as {@code syncer-torrent} stores
 * downloads ({@code <dir>/<info-hash>/<file>}), so a streamer opened on such a directory seeds.
 */
public final class TestTorrents {

  public static final int PIECE_LENGTH = 64 * 1024;

  private TestTorrents() {}

  /** A single-file torrent of {@code video}. */
  public static byte[] torrentOf(Path video) {
    return new TorrentBuilder().rootPath(video.getParent()).addFile(video).pieceSize(PIECE_LENGTH).build();
  }

  public static TorrentMetadata metadata(byte[] torrent) {
    try {
      return TorrentMetadata.parse(torrent);
    } catch (InvalidTorrentException e) {
      throw new AssertionError("the test torrent is invalid", e);
    }
  }

  /** Copies {@code video} where a streamer downloading into {@code directory} keeps it. */
  public static void placeForSeeding(Path video, byte[] torrent, Path directory) throws IOException {
    Path target = directory.resolve(metadata(torrent).infoHash()).resolve(video.getFileName());
    Files.createDirectories(target.getParent());
    Files.copy(video, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
