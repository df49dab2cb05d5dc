package io.syncer.torrent;

import bt.Bt;
import bt.BtClientBuilder;
import bt.dht.DHTConfig;
import bt.dht.DHTModule;
import bt.magnet.MagnetUri;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentId;
import bt.net.InetPeerAddress;
import bt.protocol.Protocols;
import bt.runtime.BtClient;
import bt.runtime.BtRuntime;
import bt.runtime.Config;
import bt.torrent.fileselector.FilePriority;
import bt.tracker.http.HttpTrackerModule;
import io.syncer.torrent.internal.BtOverridesModule;
import io.syncer.torrent.internal.GuardedMetadataService;
import io.syncer.torrent.internal.GuardingStorage;
import io.syncer.torrent.internal.MetainfoReader;
import io.syncer.torrent.internal.StreamingPieceSelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams torrents over one BitTorrent runtime (one listening port) into one download directory.
 *
 * <p>Each opened torrent downloads into {@code <downloadDirectory>/<info-hash>/}. Local service
 * discovery (LAN multicast) is always off; DHT is on unless disabled. Message stream encryption
 * is off when listening on a loopback address (it costs seconds of startup there and protects
 * nothing), and otherwise follows {@link Builder#encryption(boolean)}.
 *
 * <p>Threads: bt's runtime threads, plus one daemon thread that publishes status and stall
 * events to listeners. {@link #close()} stops all of them.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class TorrentStreamer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TorrentStreamer.class);

  private final BtRuntime runtime;
  private final InetSocketAddress listenAddress;
  private final Path downloadDirectory;
  private final Builder settings;
  private final ScheduledExecutorService events;
  private final Map<String, StreamingTorrent> torrents = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private TorrentStreamer(Builder settings) throws IOException {
    this.settings = settings;
    this.downloadDirectory = settings.downloadDirectory.toAbsolutePath().normalize();
    Files.createDirectories(downloadDirectory);
    InetAddress address = settings.listenAddress;
    int port = settings.listenPort != 0 ? settings.listenPort : freeTcpPort(address);
    this.listenAddress = new InetSocketAddress(address, port);

    Config config = new Config();
    config.setAcceptorAddress(address);
    config.setAcceptorPort(port);
    config.setMaxSimultaneouslyAssignedPieces(settings.maxAssignedPiecesPerPeer);
    config.setMseDisabled(address.isLoopbackAddress() || !settings.encryption);
    // A room member that is not listening yet must not be shunned for bt's default 30 minutes.
    config.setUnreachablePeerBanDuration(Duration.ofSeconds(4));
    // With one seeder, a one-minute ban after a slow piece would stall the stream.
    config.setTimeoutedAssignmentPeerBanDuration(Duration.ofSeconds(5));
    config.setShutdownHookTimeout(Duration.ofSeconds(5));

    GuardedMetadataService metadataService = new GuardedMetadataService(this::metadataRejected);
    var runtimeBuilder =
        BtRuntime.builder(config)
            .disableLocalServiceDiscovery()
            .disableAutomaticShutdown()
            .module(new HttpTrackerModule())
            .module(new BtOverridesModule(metadataService));
    if (settings.dht) {
      DHTConfig dhtConfig = new DHTConfig();
      dhtConfig.setListeningPort(freeUdpPort(address));
      runtimeBuilder.module(new DHTModule(dhtConfig));
    }
    this.runtime = runtimeBuilder.build();
    this.events =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "syncer-torrent-events-" + port);
              thread.setDaemon(true);
              return thread;
            });
    runtime.startup();
    events.scheduleAtFixedRate(this::publishStatus, 1, 1, TimeUnit.SECONDS);
    LOG.info(
        "torrent streamer listening on {} (dht {}, encryption {}), downloads in {}",
        listenAddress, settings.dht ? "on" : "off", config.isMseDisabled() ? "off" : "on",
        downloadDirectory);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where peers reach this streamer (the configured address and the port in use). */
  public InetSocketAddress listenAddress() {
    return listenAddress;
  }

  public Path downloadDirectory() {
    return downloadDirectory;
  }

  /** Starts streaming a magnet link; the metadata comes from its peers, trackers or DHT. */
  public StreamingTorrent open(MagnetLink magnet, OpenOptions options) {
    MagnetUri.Builder uri = MagnetUri.torrentId(torrentId(magnet.infoHash()));
    if (!magnet.displayName().isEmpty()) {
      uri.name(magnet.displayName());
    }
    magnet.trackers().forEach(uri::tracker);
    magnet.peers().forEach(peer -> uri.peer(new InetPeerAddress(peer.host(), peer.port())));
    StreamingTorrent torrent = register(magnet.infoHash(), options, magnet.trackers());
    start(torrent, client(torrent).magnet(uri.buildUri()));
    return torrent;
  }

  /**
   * Starts streaming a .torrent file.
   *
   * @throws InvalidTorrentException if the file is malformed or hostile; nothing is written then
   */
  public StreamingTorrent open(byte[] torrentFile, OpenOptions options)
      throws InvalidTorrentException {
    TorrentMetadata metadata = TorrentMetadata.parse(torrentFile);
    Torrent btTorrent = MetainfoReader.btTorrent(torrentFile);
    StreamingTorrent torrent = register(metadata.infoHash(), options, List.of());
    try {
      torrent.metadataAccepted(metadata);
    } catch (InvalidTorrentException e) {
      torrent.close();
      throw e;
    }
    start(torrent, client(torrent).torrent(() -> btTorrent));
    return torrent;
  }

  /** The torrent with this info-hash, if open. */
  public java.util.Optional<StreamingTorrent> torrent(String infoHash) {
    return java.util.Optional.ofNullable(torrents.get(infoHash));
  }

  /** Closes every torrent and stops the runtime and all threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List.copyOf(torrents.values()).forEach(StreamingTorrent::close);
    runtime.shutdown();
    events.shutdownNow();
    try {
      events.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("torrent streamer on {} stopped", listenAddress);
  }

  private StreamingTorrent register(String infoHash, OpenOptions options, List<String> trackers) {
    if (closed) {
      throw new IllegalStateException("streamer is closed");
    }
    StreamingPieceSelector selector =
        new StreamingPieceSelector(settings.criticalWindow, settings.readAhead, settings.defaultBytesPerSecond);
    AtomicReference<StreamingTorrent> self = new AtomicReference<>();
    StreamingTorrent torrent =
        new StreamingTorrent(infoHash, runtime, options, trackers, selector, settings.readTimeout,
            events, () -> torrents.remove(infoHash, self.get()));
    self.set(torrent);
    if (torrents.putIfAbsent(infoHash, torrent) != null) {
      throw new IllegalStateException("torrent " + infoHash + " is already open");
    }
    return torrent;
  }

  private BtClientBuilder client(StreamingTorrent torrent) {
    Path directory = downloadDirectory.resolve(torrent.infoHash());
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      torrent.close();
      throw new UncheckedIOException("cannot create " + directory, e);
    }
    GuardingStorage.Session session = torrent.storageSession();
    return Bt.client(runtime)
        .storage(new GuardingStorage(directory, () -> session))
        .selector(torrent.selector())
        .fileSelector(file -> FilePriority.NORMAL_PRIORITY)
        .afterTorrentFetched(torrent::torrentFetched)
        .afterFilesChosen(torrent::filesChosen);
  }

  private void start(StreamingTorrent torrent, BtClientBuilder builder) {
    TorrentId id = torrentId(torrent.infoHash());
    runtime.getEventSource()
        .onPieceVerified(id, event -> torrent.pieceVerified(event.getPieceIndex()))
        .onTorrentStarted(id, event -> torrent.connectWantedPeers());
    BtClient client = builder.build();
    torrent.started(client, client.startAsync());
  }

  private void metadataRejected(String infoHash, InvalidTorrentException reason) {
    StreamingTorrent torrent = torrents.get(infoHash);
    if (torrent != null) {
      torrent.metadataRejected(reason);
    }
  }

  private void publishStatus() {
    long now = System.nanoTime();
    for (StreamingTorrent torrent : torrents.values()) {
      try {
        torrent.publishStatus(now);
      } catch (RuntimeException e) {
        LOG.warn("status of torrent {} failed", torrent.infoHash(), e);
      }
    }
  }

  private static TorrentId torrentId(String infoHash) {
    return TorrentId.fromBytes(Protocols.fromHex(infoHash));
  }

  private static int freeTcpPort(InetAddress address) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, address)) {
      return socket.getLocalPort();
    }
  }

  private static int freeUdpPort(InetAddress address) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, address)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Settings of a {@link TorrentStreamer}. Only the download directory is required.
   *
   * <p>Thread-safety: not thread-safe; use from one thread, then {@link #start()}.
   */
  public static final class Builder {
    private Path downloadDirectory;
    private InetAddress listenAddress = wildcard();
    private int listenPort;
    private boolean dht = true;
    private boolean encryption = true;
    private int maxAssignedPiecesPerPeer = 1;
    private Duration criticalWindow = Duration.ofSeconds(3);
    private Duration readAhead = Duration.ofSeconds(30);
    private long defaultBytesPerSecond = 1_000_000;
    private Duration readTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /** Where torrents are stored, one sub-directory per info-hash. Required. */
    public Builder downloadDirectory(Path directory) {
      this.downloadDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Address peers connect to; default all interfaces. Use loopback for tests. */
    public Builder listenAddress(InetAddress address) {
      this.listenAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** TCP port for peers; 0 (default) picks a free one. */
    public Builder listenPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535");
      }
      this.listenPort = port;
      return this;
    }

    /** Whether to find peers through the DHT (default true). */
    public Builder dht(boolean enabled) {
      this.dht = enabled;
      return this;
    }

    /**
     * Whether to offer message stream encryption to non-loopback peers (default true; plaintext
     * is still preferred). Always off on a loopback listen address.
     */
    public Builder encryption(boolean enabled) {
      this.encryption = enabled;
      return this;
    }

    /**
     * Pieces one peer may have claimed at a time (default 1). bt never takes a claimed piece
     * back, so a small number keeps a seek from waiting behind pieces nobody wants any more.
     */
    public Builder maxAssignedPiecesPerPeer(int pieces) {
      if (pieces < 1) {
        throw new IllegalArgumentException("at least one piece per peer");
      }
      this.maxAssignedPiecesPerPeer = pieces;
      return this;
    }

    /** Playing time ahead of a reader fetched before anything else (default 3 s). */
    public Builder criticalWindow(Duration window) {
      this.criticalWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Playing time ahead of a reader fetched after the file's head and tail (default 30 s). */
    public Builder readAhead(Duration window) {
      this.readAhead = Objects.requireNonNull(window, "window");
      return this;
    }

    /** Bitrate assumed while the media duration is unknown (default 1,000,000 bytes/s). */
    public Builder defaultBytesPerSecond(long bytesPerSecond) {
      if (bytesPerSecond <= 0) {
        throw new IllegalArgumentException("bitrate must be positive");
      }
      this.defaultBytesPerSecond = bytesPerSecond;
      return this;
    }

    /** How long a read waits for its bytes (default 60 s). */
    public Builder readTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("read timeout must be positive");
      }
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Starts the BitTorrent runtime.
     *
     * @throws IOException if the download directory cannot be created or no port is free
     */
    public TorrentStreamer start() throws IOException {
      if (downloadDirectory == null) {
        throw new IllegalStateException("downloadDirectory is required");
      }
      if (readAhead.compareTo(criticalWindow) < 0 || criticalWindow.isNegative()) {
        throw new IllegalStateException("need 0 <= criticalWindow <= readAhead");
      }
      return new TorrentStreamer(this);
    }

    private static InetAddress wildcard() {
      try {
        return InetAddress.getByAddress(new byte[4]);
      } catch (java.net.UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
