package io.syncer.benchmarks.torrent;

import bt.Bt;
import bt.data.Bitfield;
import bt.data.file.FileSystemStorage;
import bt.metainfo.TorrentId;
import bt.net.InetPeer;
import bt.peer.IPeerRegistry;
import bt.protocol.Protocols;
import bt.runtime.BtClient;
import bt.runtime.BtRuntime;
import bt.runtime.Config;
import bt.torrent.TorrentDescriptor;
import bt.torrent.TorrentRegistry;
import bt.torrent.selector.SequentialSelector;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.TorrentMetadata;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * bt 1.10 with its stock {@link SequentialSelector}, downloading the benchmark movie from one
 * seeder: the baseline for the streaming selector. Same bt settings as {@code TorrentStreamer}
 * on loopback (no encryption, short bans) but bt's default of 3 pieces claimed per peer, and no
 * playheads: pieces come in file order whatever is read.
 */
final class StockSequentialClient implements AutoCloseable, Playback.Media {
  private static final long PIECE_LENGTH = BenchmarkMovie.PIECE_LENGTH;

  private final BtRuntime runtime;
  private final TorrentId torrentId;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition verified = lock.newCondition();
  private static final long READ_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);
  private static final long REDIAL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private volatile BtClient client;
  private volatile int seederPort;

  private StockSequentialClient(TorrentId torrentId) throws IOException {
    this.torrentId = torrentId;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    Config config = new Config();
    config.setAcceptorAddress(loopback);
    try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
      config.setAcceptorPort(socket.getLocalPort());
    }
    config.setMseDisabled(true);
    config.setMaxSimultaneouslyAssignedPieces(3);
    config.setUnreachablePeerBanDuration(Duration.ofSeconds(4));
    config.setTimeoutedAssignmentPeerBanDuration(Duration.ofSeconds(5));
    config.setShutdownHookTimeout(Duration.ofSeconds(5));
    runtime = BtRuntime.builder(config).disableLocalServiceDiscovery().disableAutomaticShutdown().build();
  }

  /** Starts bt's runtime (listening, not downloading yet). */
  static StockSequentialClient create(BenchmarkMovie movie)
      throws IOException, InvalidTorrentException {
    TorrentId id = TorrentId.fromBytes(Protocols.fromHex(TorrentMetadata.parse(movie.torrent).infoHash()));
    StockSequentialClient created = new StockSequentialClient(id);
    try {
      created.runtime.startup();
      created.runtime.getEventSource().onPieceVerified(id, event -> created.signal());
    } catch (RuntimeException e) {
      created.close();
      throw e;
    }
    return created;
  }

  /** Starts downloading the movie into {@code directory} from the seeder on {@code seederPort}. */
  void download(BenchmarkMovie movie, Path directory, int seederPort)
      throws IOException, InterruptedException {
    Files.createDirectories(directory);
    client = Bt.client(runtime)
        .storage(new FileSystemStorage(directory))
        .torrent(movie.torrentFile.toUri().toURL())
        .selector(SequentialSelector.sequential())
        .build();
    client.startAsync();
    // bt drops peers added before its torrent worker exists.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!descriptor().map(TorrentDescriptor::isActive).orElse(false)) {
      if (System.nanoTime() > deadline) {
        throw new IOException("bt did not start the torrent");
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
    this.seederPort = seederPort;
    dialSeeder();
  }

  /** bt forgets a peer whose connection failed; TorrentStreamer redials too. */
  private void dialSeeder() {
    runtime.service(IPeerRegistry.class)
        .addPeer(torrentId, InetPeer.build(InetAddress.getLoopbackAddress(), seederPort));
  }

  @Override
  public boolean has(long from, long to) {
    Optional<Bitfield> bitfield = descriptor().map(d -> d.getDataDescriptor()).map(d -> d.getBitfield());
    if (bitfield.isEmpty()) {
      return false;
    }
    for (long piece = from / PIECE_LENGTH; piece <= (to - 1) / PIECE_LENGTH; piece++) {
      if (!bitfield.get().isVerified((int) piece)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until {@code [from, to)} is verified (the bytes are not copied anywhere), redialling
   * the seeder every few seconds while no peer is connected.
   */
  @Override
  public void read(long from, long to) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READ_TIMEOUT_NANOS;
    long redial = System.nanoTime() + REDIAL_NANOS;
    lock.lock();
    try {
      while (!has(from, to)) {
        long now = System.nanoTime();
        if (now > deadline) {
          throw new IOException("bytes " + from + ".." + to + " not downloaded in time");
        }
        if (now > redial) {
          redial = now + REDIAL_NANOS;
          if (descriptor().flatMap(TorrentDescriptor::getSessionState)
              .map(state -> state.getConnectedPeers().isEmpty()).orElse(true)) {
            dialSeeder();
          }
        }
        verified.await(100, TimeUnit.MILLISECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      verified.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private Optional<TorrentDescriptor> descriptor() {
    return runtime.service(TorrentRegistry.class).getDescriptor(torrentId);
  }

  @Override
  public void close() {
    if (client != null && client.isStarted()) {
      client.stop();
    }
    runtime.shutdown();
  }
}
