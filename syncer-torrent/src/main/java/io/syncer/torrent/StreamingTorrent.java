package io.syncer.torrent;

import bt.data.Bitfield;
import bt.data.StorageUnit;
import bt.metainfo.Torrent;
import bt.metainfo.TorrentId;
import bt.net.InetPeer;
import bt.peer.IPeerRegistry;
import bt.runtime.BtClient;
import bt.runtime.BtRuntime;
import bt.torrent.TorrentDescriptor;
import bt.torrent.TorrentRegistry;
import bt.torrent.TorrentSessionState;
import io.syncer.torrent.internal.FileSpan;
import io.syncer.torrent.internal.GuardingStorage;
import io.syncer.torrent.internal.MetainfoReader;
import io.syncer.torrent.internal.PieceSet;
import io.syncer.torrent.internal.Playhead;
import io.syncer.torrent.internal.RateMeter;
import io.syncer.torrent.internal.StreamingPieceSelector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One torrent being streamed: its metadata, the file chosen for playing, readers over that file
 * that wait for verified pieces, its peers and its status.
 *
 * <p>Obtain one from {@link TorrentStreamer#open}. Every open {@link MediaChannel} is a playhead:
 * the pieces just ahead of it are fetched first. Close the torrent (or the streamer) to stop
 * downloading; open channels then fail with {@link ClosedChannelException}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class StreamingTorrent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingTorrent.class);
  private static final int RATE_WINDOW_SAMPLES = 5;
  private static final int MAX_WANTED_PEERS = 200;
  private static final int REDIAL_EVERY_TICKS = 5;

  private final String infoHash;
  private final TorrentId torrentId;
  private final BtRuntime runtime;
  private final OpenOptions options;
  private final List<String> extraTrackers;
  private final StreamingPieceSelector selector;
  private final Duration readTimeout;
  private final Executor notifier;
  private final Runnable onClose;

  private final CompletableFuture<TorrentMetadata> metadata = new CompletableFuture<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Set<MediaChannel> channels = ConcurrentHashMap.newKeySet();
  private final CopyOnWriteArrayList<StreamListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicInteger stalls = new AtomicInteger();
  private final AtomicInteger stalledReads = new AtomicInteger();
  private final RateMeter downloadRate = new RateMeter(RATE_WINDOW_SAMPLES);
  private final RateMeter uploadRate = new RateMeter(RATE_WINDOW_SAMPLES);
  private final Set<InetSocketAddress> wantedPeers = ConcurrentHashMap.newKeySet();
  private int statusTicks;

  private volatile Streamed streamed;
  private volatile StorageUnit unit;
  private volatile Bitfield bitfield;
  private volatile boolean closed;
  private volatile String failure;
  private volatile BtClient client;
  private volatile long downloadPerSecond;
  private volatile long uploadPerSecond;

  /** The chosen file and where it lies in the pieces, known once the metadata is. */
  private record Streamed(TorrentFileInfo file, FileSpan span, PieceSet verified) {}

  StreamingTorrent(
      String infoHash,
      BtRuntime runtime,
      OpenOptions options,
      List<String> extraTrackers,
      StreamingPieceSelector selector,
      Duration readTimeout,
      Executor notifier,
      Runnable onClose) {
    this.infoHash = infoHash;
    this.torrentId = TorrentId.fromBytes(bt.protocol.Protocols.fromHex(infoHash));
    this.runtime = runtime;
    this.options = options;
    this.extraTrackers = List.copyOf(extraTrackers);
    this.selector = selector;
    this.readTimeout = readTimeout;
    this.notifier = notifier;
    this.onClose = onClose;
  }

  /** The info-hash, 40 lowercase hex digits. */
  public String infoHash() {
    return infoHash;
  }

  /** Completes with the validated metadata, or exceptionally if it is rejected or we close. */
  public CompletableFuture<TorrentMetadata> metadata() {
    return metadata.copy();
  }

  /**
   * Waits for the metadata (for a magnet link it comes from peers).
   *
   * @throws InvalidTorrentException if the metadata received was hostile or malformed
   * @throws StreamTimeoutException if it did not arrive in time
   * @throws IOException if the torrent was closed or stopped
   */
  public TorrentMetadata awaitMetadata(Duration timeout)
      throws IOException, InvalidTorrentException, InterruptedException {
    try {
      return metadata.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new StreamTimeoutException(
          "no metadata for " + infoHash + " within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof InvalidTorrentException invalid) {
        throw new InvalidTorrentException(invalid.getMessage(), invalid);
      }
      throw new IOException(e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * The file being streamed.
   *
   * @throws IllegalStateException before the metadata is known
   */
  public TorrentFileInfo file() {
    return requireStreamed().file();
  }

  /**
   * Opens a reader over the streamed file at position 0. Reads block until the bytes are
   * verified, up to the streamer's read timeout. Close it when done: it is a playhead until then.
   *
   * @throws IllegalStateException before the metadata is known
   * @throws ClosedChannelException if the torrent is closed
   */
  public MediaChannel openChannel() throws ClosedChannelException {
    Streamed current = requireStreamed();
    if (closed) {
      throw new ClosedChannelException();
    }
    MediaChannel channel =
        new MediaChannel(this, selector.addPlayhead(0), current.file().length(), readTimeout);
    channels.add(channel);
    if (closed) {
      channel.close();
      throw new ClosedChannelException();
    }
    return channel;
  }

  /**
   * Sets the media's playing time, which turns into the bitrate estimate that sizes the windows
   * ahead of each reader.
   */
  public void setMediaDuration(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("media duration must be positive");
    }
    Streamed current = streamed;
    if (current != null) {
      selector.setBytesPerSecond(bitrate(current.file().length(), duration));
    }
  }

  /**
   * Connects to a peer for this torrent now, for example another member of the room.
   *
   * @throws IllegalArgumentException if the host cannot be resolved
   */
  public void addPeer(PeerAddress peer) {
    InetAddress address;
    try {
      address = InetAddress.getByName(peer.host());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown peer host " + peer.host(), e);
    }
    if (closed) {
      return;
    }
    InetSocketAddress socketAddress = new InetSocketAddress(address, peer.port());
    if (wantedPeers.size() >= MAX_WANTED_PEERS && !wantedPeers.contains(socketAddress)) {
      LOG.warn("torrent {}: ignoring peer {}: already {} added peers", infoHash, peer, MAX_WANTED_PEERS);
      return;
    }
    wantedPeers.add(socketAddress);
    LOG.info("torrent {}: adding peer {}", infoHash, peer);
    connectWantedPeers();
  }

  /**
   * Hands the added peers to bt once the torrent is active (bt drops peers discovered before its
   * torrent worker exists, and messages such as a peer's bitfield received before the torrent is
   * active), and again now and then: bt forgets a peer whose connection failed, while a room
   * member may simply not be listening yet. Already connected peers are not dialled twice.
   */
  void connectWantedPeers() {
    // Not TorrentRegistry.isSupportedAndActive: it also says yes while the torrent is fetched,
    // before bt's torrent worker listens for discovered peers.
    boolean active = runtime.service(TorrentRegistry.class).getDescriptor(torrentId)
        .map(TorrentDescriptor::isActive).orElse(false);
    if (closed || !active) {
      return;
    }
    IPeerRegistry registry = runtime.service(IPeerRegistry.class);
    LOG.debug("torrent {}: dialling added peers {}", infoHash, wantedPeers);
    for (InetSocketAddress peer : wantedPeers) {
      registry.addPeer(torrentId, InetPeer.build(peer.getAddress(), peer.getPort()));
    }
  }

  /**
   * Makes this torrent one member's part of a room swarm: it asks peers outside the room first
   * for its share of the pieces (those whose index modulo {@code members} equals {@code
   * position}) and takes the other shares from the room's members, who fetch them in turn. A
   * piece of another share that stays due within the critical window for a few seconds is taken
   * from anyone (its member may have left or be slow). Each member of a room of {@code
   * members} must be given a different position, the same for every torrent, such as its rank
   * among the members' ids; {@code members} of 1 or 0 ends the sharing.
   *
   * @throws IllegalArgumentException unless {@code 0 <= position < members}, or members is 0
   */
  public void shareWithRoom(int position, int members) {
    selector.shareWithRoom(position, members);
    LOG.info("torrent {}: fetching share {} of {} from outside the room first", infoHash, position, members);
  }

  /** Verified byte ranges of the streamed file, merged, in order; empty before the metadata. */
  public List<ByteRange> bufferedRanges() {
    Streamed current = streamed;
    List<ByteRange> ranges = new ArrayList<>();
    if (current == null) {
      return ranges;
    }
    FileSpan span = current.span();
    long start = -1;
    for (int piece = span.firstPiece(); piece <= span.lastPiece(); piece++) {
      boolean have = current.verified().contains(piece);
      if (have && start < 0) {
        start = span.filePositionOf(piece);
      } else if (!have && start >= 0) {
        ranges.add(new ByteRange(start, span.filePositionOf(piece)));
        start = -1;
      }
    }
    if (start >= 0) {
      ranges.add(new ByteRange(start, span.fileLength()));
    }
    return ranges;
  }

  /** Verified bytes from {@code position} on, up to the first missing piece. */
  public long bufferedAhead(long position) {
    Streamed current = streamed;
    if (current == null || position >= current.file().length()) {
      return 0;
    }
    FileSpan span = current.span();
    long end = position;
    for (int piece = span.pieceAt(position);
        piece <= span.lastPiece() && current.verified().contains(piece);
        piece++) {
      end = span.filePositionAfter(piece);
    }
    return Math.max(0, end - position);
  }

  /** A fresh status snapshot. */
  public StreamStatus status() {
    Optional<TorrentSessionState> state = sessionState();
    return snapshot(
        state.map(TorrentSessionState::getDownloaded).orElse(0L),
        state.map(TorrentSessionState::getUploaded).orElse(0L),
        state.map(s -> s.getConnectedPeers().size()).orElse(0));
  }

  /**
   * Registers a listener for status (about once a second) and stall events.
   *
   * @return closing it unregisters the listener
   */
  public AutoCloseable addListener(StreamListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Stops downloading and closes every channel. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    channels.forEach(MediaChannel::close);
    signalAll();
    metadata.completeExceptionally(new ClosedChannelException());
    BtClient started = client;
    if (started != null) {
      try {
        started.stop();
      } catch (RuntimeException e) {
        LOG.warn("torrent {}: error while stopping the bt client", infoHash, e);
      }
    }
    onClose.run();
    LOG.info("torrent {}: closed", infoHash);
  }

  StreamingPieceSelector selector() {
    return selector;
  }

  boolean isClosed() {
    return closed;
  }

  // ---- wiring used by TorrentStreamer ----

  void started(BtClient startedClient, CompletableFuture<?> processing) {
    client = startedClient;
    processing.whenComplete(
        (ignored, error) -> {
          if (!closed) {
            String reason = error == null ? "bt stopped processing the torrent" : error.toString();
            fail(new IOException(reason));
          }
        });
  }

  private void logStop(String reason) {
    if (runtime.isRunning()) {
      LOG.warn("torrent {}: stopped: {}", infoHash, reason);
    } else {
      LOG.debug("torrent {}: stopped with the runtime: {}", infoHash, reason);
    }
  }

  /** Called when the metadata is known and validated, before bt creates any file. */
  void metadataAccepted(TorrentMetadata accepted) throws InvalidTorrentException {
    TorrentFileInfo file;
    if (options.fileIndex().isPresent()) {
      int index = options.fileIndex().getAsInt();
      if (index >= accepted.files().size()) {
        throw new InvalidTorrentException(
            "file index " + index + " requested, but the torrent has " + accepted.files().size()
                + " files");
      }
      file = accepted.file(index);
    } else {
      file = accepted.defaultFile();
    }
    FileSpan span =
        new FileSpan(file.offset(), file.length(), accepted.pieceLength(), accepted.pieceCount());
    PieceSet verified = new PieceSet(accepted.pieceCount());
    options.mediaDuration().ifPresent(d -> selector.setBytesPerSecond(bitrate(file.length(), d)));
    selector.selectFile(span, verified);
    streamed = new Streamed(file, span, verified);
    metadata.complete(accepted);
    LOG.info("torrent {}: streaming file {} '{}' ({} bytes, {} pieces of {} bytes)",
        infoHash, file.index(), file.displayPath(), file.length(), accepted.pieceCount(),
        accepted.pieceLength());
  }

  /** bt fetched the metadata (BEP 9) or loaded the .torrent; validate it before any storage. */
  void torrentFetched(Torrent torrent) {
    if (metadata.isDone()) {
      return;
    }
    try {
      TorrentMetadata fetched = MetainfoReader.read(torrent.getSource().getExchangedMetadata());
      List<String> trackers = new ArrayList<>(fetched.trackers());
      extraTrackers.stream().filter(t -> !trackers.contains(t)).forEach(trackers::add);
      metadataAccepted(
          new TorrentMetadata(fetched.infoHash(), fetched.name(), trackers, fetched.files(),
              fetched.pieceLength(), fetched.pieceCount(), fetched.totalLength()));
    } catch (InvalidTorrentException | RuntimeException e) {
      metadataRejected(e instanceof InvalidTorrentException invalid
          ? invalid
          : new InvalidTorrentException("metadata unusable: " + e.getMessage(), e));
    }
  }

  void metadataRejected(InvalidTorrentException reason) {
    LOG.warn("torrent {}: metadata rejected: {}", infoHash, reason.getMessage());
    failure = "metadata rejected: " + reason.getMessage();
    metadata.completeExceptionally(reason);
    signalAll();
  }

  /** bt chose the files: the bitfield exists now, and with it what is already on disk. */
  void filesChosen() {
    runtime.service(TorrentRegistry.class).getDescriptor(torrentId)
        .map(TorrentDescriptor::getDataDescriptor)
        .ifPresent(data -> {
          Streamed current = streamed;
          if (current != null) {
            current.verified().addAll(data.getBitfield().getBitmask());
          }
          bitfield = data.getBitfield();
        });
    signalAll();
  }

  void pieceVerified(int piece) {
    Streamed current = streamed;
    if (current != null) {
      current.verified().add(piece);
    }
    signalAll();
  }

  GuardingStorage.Session storageSession() {
    return new GuardingStorage.Session() {
      @Override
      public TorrentMetadata acceptedMetadata() {
        return metadata.isCompletedExceptionally() ? null : metadata.getNow(null);
      }

      @Override
      public int streamedFileIndex() {
        Streamed current = streamed;
        return current == null ? -1 : current.file().index();
      }

      @Override
      public void streamedFileUnit(StorageUnit created) {
        unit = created;
        signalAll();
      }
    };
  }

  void fail(IOException reason) {
    if (failure == null) {
      failure = reason.getMessage();
      logStop(failure);
    }
    metadata.completeExceptionally(reason);
    signalAll();
  }

  /** Samples rates and tells the listeners; called about once a second by the streamer. */
  void publishStatus(long nanoTime) {
    if (statusTicks++ % REDIAL_EVERY_TICKS == 0) {
      connectWantedPeers();
    }
    Optional<TorrentSessionState> state = sessionState();
    long downloaded = state.map(TorrentSessionState::getDownloaded).orElse(0L);
    long uploaded = state.map(TorrentSessionState::getUploaded).orElse(0L);
    downloadPerSecond = downloadRate.sample(nanoTime, downloaded);
    uploadPerSecond = uploadRate.sample(nanoTime, uploaded);
    StreamStatus status =
        snapshot(downloaded, uploaded, state.map(s -> s.getConnectedPeers().size()).orElse(0));
    for (StreamListener listener : listeners) {
      try {
        listener.onStatus(status);
      } catch (RuntimeException e) {
        LOG.warn("status listener failed", e);
      }
    }
  }

  // ---- reading, used by MediaChannel ----

  /**
   * Reads bytes of the streamed file at {@code position} into {@code target}, at most up to the
   * end of the piece holding {@code position}, waiting until that piece is verified.
   */
  int read(ByteBuffer target, long position, Duration timeout, MediaChannel channel)
      throws IOException {
    Streamed current = requireStreamed();
    if (position >= current.file().length()) {
      return -1;
    }
    if (!target.hasRemaining()) {
      return 0;
    }
    FileSpan span = current.span();
    int piece = span.pieceAt(position);
    StorageUnit readable = awaitPiece(piece, position, timeout, channel);
    int count = (int) Math.min(target.remaining(), span.filePositionAfter(piece) - position);
    ByteBuffer window = target.slice();
    window.limit(count);
    readable.readBlockFully(window, position);
    target.position(target.position() + count);
    return count;
  }

  void channelClosed(MediaChannel channel, Playhead playhead) {
    channels.remove(channel);
    selector.removePlayhead(playhead);
    signalAll();
  }

  private StorageUnit awaitPiece(int piece, long position, Duration timeout, MediaChannel channel)
      throws IOException {
    if (isReadable(piece)) {
      return unit;
    }
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    stalls.incrementAndGet();
    stalledReads.incrementAndGet();
    notifyListeners(listener -> listener.onStallStarted(position));
    lock.lock();
    try {
      while (!isReadable(piece)) {
        if (!channel.isOpen()) {
          throw new AsynchronousCloseException();
        }
        if (closed) {
          throw new ClosedChannelException();
        }
        if (failure != null) {
          throw new IOException("torrent " + infoHash + " " + failure);
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new StreamTimeoutException(
              "piece " + piece + " of " + infoHash + " not downloaded within "
                  + timeout.toMillis() + " ms");
        }
        try {
          changed.awaitNanos(remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          channel.close();
          throw new java.nio.channels.ClosedByInterruptException();
        }
      }
    } finally {
      lock.unlock();
      stalledReads.decrementAndGet();
    }
    Duration stalledFor = Duration.ofNanos(System.nanoTime() - start);
    notifyListeners(listener -> listener.onStallEnded(position, stalledFor));
    return unit;
  }

  /** Gated on bt's own bitfield: bt writes blocks in place before it verifies the piece. */
  private boolean isReadable(int piece) {
    Bitfield verifiedPieces = bitfield;
    return unit != null && verifiedPieces != null && verifiedPieces.isVerified(piece);
  }

  private void signalAll() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void notifyListeners(java.util.function.Consumer<StreamListener> event) {
    if (listeners.isEmpty()) {
      return;
    }
    notifier.execute(() -> {
      for (StreamListener listener : listeners) {
        try {
          event.accept(listener);
        } catch (RuntimeException e) {
          LOG.warn("stream listener failed", e);
        }
      }
    });
  }

  private Optional<TorrentSessionState> sessionState() {
    return runtime.service(TorrentRegistry.class).getDescriptor(torrentId)
        .flatMap(TorrentDescriptor::getSessionState);
  }

  private StreamStatus snapshot(long downloaded, long uploaded, int peers) {
    Streamed current = streamed;
    List<Playhead> heads = selector.playheads();
    long playhead = heads.isEmpty() ? 0 : heads.get(heads.size() - 1).position();
    long ahead = bufferedAhead(playhead);
    return new StreamStatus(
        infoHash,
        current != null,
        downloadPerSecond,
        uploadPerSecond,
        downloaded,
        uploaded,
        peers,
        current == null ? 0 : current.verified().count(),
        current == null ? 0 : current.span().pieceCount(),
        playhead,
        ahead,
        ahead / (double) selector.bytesPerSecond(),
        stalls.get(),
        stalledReads.get() > 0);
  }

  private Streamed requireStreamed() {
    Streamed current = streamed;
    if (current == null) {
      throw new IllegalStateException("metadata of " + infoHash + " is not known yet");
    }
    return current;
  }

  static long bitrate(long fileLength, Duration duration) {
    long millis = Math.max(1, duration.toMillis());
    return Math.max(1, fileLength * 1000 / millis);
  }
}
