package io.syncer.torrent.internal;

import bt.BtException;
import bt.metainfo.IMetadataService;
import bt.metainfo.MetadataService;
import bt.metainfo.Torrent;
import bt.protocol.Protocols;
import bt.service.CryptoUtil;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.TorrentMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Replaces bt's metadata service in the runtime so that metadata fetched from peers (BEP 9)
 * passes the same validation as .torrent files before bt parses it; rejections are reported to
 * the session that asked for the torrent, since bt itself would only log and fetch again.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class GuardedMetadataService implements IMetadataService {
  private final MetadataService delegate = new MetadataService();
  private final BiConsumer<String, InvalidTorrentException> rejections;

  /** {@code rejections} receives the info-hash (hex) and the reason of each rejection. */
  public GuardedMetadataService(BiConsumer<String, InvalidTorrentException> rejections) {
    this.rejections = rejections;
  }

  @Override
  public Torrent fromByteArray(byte[] bytes) {
    try {
      MetainfoReader.read(bytes);
    } catch (InvalidTorrentException e) {
      String infoHash = Protocols.toHex(CryptoUtil.getSha1Digest(bytes)).toLowerCase(Locale.ROOT);
      rejections.accept(infoHash, e);
      throw new BtException("metadata rejected: " + e.getMessage(), e);
    }
    return delegate.fromByteArray(bytes);
  }

  @Override
  public Torrent fromInputStream(InputStream in) {
    try {
      byte[] bytes = in.readNBytes(TorrentMetadata.MAX_TORRENT_FILE_BYTES + 1);
      return fromByteArray(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Torrent fromUrl(URL url) {
    throw new BtException("fetching torrents by URL is disabled; pass the bytes instead");
  }
}
