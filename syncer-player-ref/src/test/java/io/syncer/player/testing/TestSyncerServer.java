package io.syncer.player.testing;

import io.syncer.core.library.InvalidTorrentException;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.TorrentInspector;
import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.protocol.time.MicroClock;
import io.syncer.server.SyncerServer;
import io.syncer.server.rest.RestApi;
import io.syncer.server.storage.ServerStorage;
import io.syncer.server.storage.StorageOptions;
import io.syncer.torrent.MagnetLink;
import io.syncer.torrent.TorrentMetadata;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reference server in this JVM as an operator runs it with accounts: REST API and rooms on one
 * loopback port chosen by the OS, H2 in a temporary directory, rooms admitting only valid access
 * tokens. Torrents are inspected with syncer-torrent's parsers. Close it to stop every thread.
 */
public final class TestSyncerServer implements AutoCloseable {

  private final ServerStorage storage;
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService roomThreads = Executors.newFixedThreadPool(2);
  private final SyncerServer server;

  public TestSyncerServer(Path dataDirectory) throws IOException {
    Clock clock = Clock.systemUTC();
    storage = ServerStorage.open(StorageOptions.embedded(dataDirectory), new TorrentParsers(),
        MovieSharing.none(), clock);
    RestApi rest = new RestApi(storage.accounts(), storage.library(), clock);
    server = SyncerServer.builder().host("127.0.0.1").port(0)
        .httpHandler(RestApi.CONTEXT_PATH, rest.httpHandler())
        .rooms(RoomServer.builder()
            .scheduler(TaskScheduler.of(timers, MicroClock.system()))
            .executor(roomThreads)
            .authenticator(storage.roomAuthenticator())
            .build())
        .build().start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI httpUri() {
    return server.httpUri();
  }

  public URI webSocketUri() {
    return server.webSocketUri();
  }

  @Override
  public void close() throws InterruptedException {
    server.stop();
    storage.close();
    timers.shutdownNow();
    roomThreads.shutdown();
    if (!roomThreads.awaitTermination(20, TimeUnit.SECONDS)) {
      throw new AssertionError("room threads did not stop");
    }
  }

  /** The library's torrent inspector over syncer-torrent's magnet and metainfo parsers. */
  private static final class TorrentParsers implements TorrentInspector {
    @Override
    public MovieSource inspectMagnet(String magnetUri) {
      try {
        MagnetLink magnet = MagnetLink.parse(magnetUri);
        return new MovieSource(magnet.infoHash(),
            magnet.displayName().isEmpty() ? null : magnet.displayName(), magnet.trackers(),
            java.util.List.of(), magnetUri);
      } catch (io.syncer.torrent.InvalidTorrentException e) {
        throw new InvalidTorrentException(e.getMessage());
      }
    }

    @Override
    public MovieSource inspectTorrentFile(byte[] torrentFile) {
      try {
        TorrentMetadata metadata = TorrentMetadata.parse(torrentFile);
        return new MovieSource(metadata.infoHash(), metadata.name(), metadata.trackers(),
            metadata.files().stream().map(f -> new MovieFile(f.displayPath(), f.length())).toList(),
            metadata.magnetUri());
      } catch (io.syncer.torrent.InvalidTorrentException e) {
        throw new InvalidTorrentException(e.getMessage());
      }
    }
  }
}
