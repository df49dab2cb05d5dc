package io.syncer.torrent;

import io.syncer.torrent.internal.HttpStreamServer;
import io.syncer.torrent.internal.RangeSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * HTTP server on 127.0.0.1 that lets any media player (FFmpeg, mpv, VLC, a browser) play the
 * file of a {@link StreamingTorrent} while it downloads: {@code GET}/{@code HEAD} with byte
 * ranges, keep-alive, and a reconnect per seek. Each request being answered is a playhead.
 *
 * <p>Threads: one Netty event loop and up to 64 reader threads (one per response body in
 * flight). {@link #close()} stops them.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class StreamServer implements AutoCloseable {
  private final HttpStreamServer server;

  private StreamServer(HttpStreamServer server) {
    this.server = server;
  }

  /**
   * Listens on 127.0.0.1.
   *
   * @param port TCP port, 0 for one the OS picks
   */
  public static StreamServer start(int port) throws IOException {
    return new StreamServer(HttpStreamServer.start(InetAddress.getLoopbackAddress(), port));
  }

  public int port() {
    return server.address().getPort();
  }

  /**
   * Serves the torrent's file, until {@link #unpublish} or the torrent closes.
   *
   * @return the stream's URL: {@code http://127.0.0.1:PORT/INFOHASH/FILEINDEX/FILENAME}
   * @throws IllegalStateException before the torrent's metadata is known
   */
  public URI publish(StreamingTorrent torrent) {
    TorrentFileInfo file = torrent.file();
    String fileName = file.path().get(file.path().size() - 1);
    server.publish(key(torrent), new RangeSource() {
      @Override
      public long length() {
        return file.length();
      }

      @Override
      public String contentType() {
        return file.contentType();
      }

      @Override
      public ReadableByteChannel open(long position) throws IOException {
        return torrent.openChannel().position(position);
      }
    });
    return URI.create("http://127.0.0.1:" + port() + key(torrent) + "/"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
  }

  public void unpublish(StreamingTorrent torrent) {
    server.unpublish(key(torrent));
  }

  @Override
  public void close() {
    server.close();
  }

  private static String key(StreamingTorrent torrent) {
    return "/" + torrent.infoHash() + "/" + torrent.file().index();
  }
}
