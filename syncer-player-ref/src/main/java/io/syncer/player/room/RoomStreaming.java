package io.syncer.player.room;

import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.SwarmPeer;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.MagnetLink;
import io.syncer.torrent.OpenOptions;
import io.syncer.torrent.PeerAddress;
import io.syncer.torrent.StreamServer;
import io.syncer.torrent.StreamStatus;
import io.syncer.torrent.StreamingTorrent;
import io.syncer.torrent.TorrentFileInfo;
import io.syncer.torrent.TorrentMetadata;
import io.syncer.torrent.TorrentStreamer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the room's movie from its torrent in this process: the torrent is opened with {@code
 * syncer-torrent}, its file is served to the player over HTTP on 127.0.0.1, our listen port is
 * announced to the room ({@code swarm_announce}), and the members the room names as serving the
 * same torrent ({@code swarm_peers}) become our peers, so friends share what they downloaded.
 *
 * <p>The owner's own .torrent file can be {@link #preload preloaded}: its metadata is then known
 * without asking any peer, which is what lets the first member of a swarm start.
 *
 * <p>Threads: those of the {@link TorrentStreamer} (bt's runtime, a status thread) and of the
 * {@link StreamServer} (a Netty event loop, readers). {@link #close()} stops them all.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class RoomStreaming implements MediaOpener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RoomStreaming.class);

  /** Tells the room where we serve a torrent. */
  @FunctionalInterface
  public interface SwarmAnnouncer {
    void announce(String infoHash, int port);
  }

  private final TorrentStreamer streamer;
  private final StreamServer http;
  private final Map<String, List<SwarmPeer>> roomPeers = new ConcurrentHashMap<>();
  private final Set<String> opened = ConcurrentHashMap.newKeySet();
  private volatile SwarmAnnouncer announcer = (infoHash, port) -> {};
  private volatile String ownMemberId = "";
  private volatile StreamingTorrent playing;

  private RoomStreaming(TorrentStreamer streamer, StreamServer http) {
    this.streamer = streamer;
    this.http = http;
  }

  /**
   * Starts the BitTorrent runtime and the local HTTP server.
   *
   * @param downloadDirectory where movies are stored, one directory per torrent
   * @param listenAddress where peers reach us: all interfaces for friends on the network,
   *     loopback for tests
   * @param dht whether to find peers through the DHT too (public torrents); the room's members
   *     find each other without it
   * @throws IOException when the directory cannot be created or no port is free
   */
  public static RoomStreaming start(Path downloadDirectory, InetAddress listenAddress, boolean dht)
      throws IOException {
    TorrentStreamer streamer =
        TorrentStreamer.builder()
            .downloadDirectory(downloadDirectory)
            .listenAddress(listenAddress)
            .dht(dht)
            .start();
    try {
      return new RoomStreaming(streamer, StreamServer.start(0));
    } catch (IOException | RuntimeException e) {
      streamer.close();
      throw e;
    }
  }

  /** Where the room's announcements go; set once the session exists. */
  public void announceTo(SwarmAnnouncer roomAnnouncer) {
    this.announcer = Objects.requireNonNull(roomAnnouncer, "roomAnnouncer");
  }

  /** The TCP port peers connect to. */
  public int listenPort() {
    return streamer.listenAddress().getPort();
  }

  /**
   * Opens a .torrent file now, so its metadata needs no peer: the owner's own movie.
   *
   * @param fileIndex the file to play, or empty for the torrent's largest video
   * @return the torrent and the file the room should play
   * @throws InvalidTorrentException when the file is malformed or hostile
   */
  public synchronized PreparedMovie preload(byte[] torrentFile, OptionalInt fileIndex)
      throws InvalidTorrentException {
    TorrentMetadata metadata = TorrentMetadata.parse(torrentFile);
    StreamingTorrent torrent = streamer.torrent(metadata.infoHash()).orElse(null);
    if (torrent == null) {
      OpenOptions options = OpenOptions.defaults();
      if (fileIndex.isPresent()) {
        options = options.withFileIndex(fileIndex.getAsInt());
      }
      torrent = started(streamer.open(torrentFile, options));
    }
    TorrentFileInfo file = torrent.file();
    return new PreparedMovie(metadata.infoHash(), metadata.magnetUri(), file.index(), file.length(), metadata.name());
  }

  /**
   * Opens a magnet link now and completes once its metadata came from a peer, saying which file
   * the room should play (the largest video): what the owner needs to know before choosing a
   * movie that was added by magnet link.
   *
   * @throws InvalidTorrentException when the link is not a usable magnet link
   */
  public synchronized CompletableFuture<PreparedMovie> prepare(String magnetUri)
      throws InvalidTorrentException {
    MagnetLink magnet = MagnetLink.parse(magnetUri);
    StreamingTorrent torrent =
        streamer.torrent(magnet.infoHash()).orElseGet(() -> started(streamer.open(magnet, OpenOptions.defaults())));
    return torrent.metadata().thenApply(metadata -> {
      TorrentFileInfo file = torrent.file();
      return new PreparedMovie(metadata.infoHash(), magnetUri, file.index(), file.length(), metadata.name());
    });
  }

  /**
   * A torrent opened and ready to be chosen for the room.
   *
   * <p>Thread-safety: immutable.
   *
   * @param infoHash the torrent's info-hash
   * @param magnet a magnet link members can fetch it by
   * @param fileIndex the file to play
   * @param fileLength that file's size in bytes
   * @param name the torrent's name
   */
  public record PreparedMovie(String infoHash, String magnet, int fileIndex, long fileLength, String name) {}

  @Override
  public synchronized CompletableFuture<PlayableMedia> open(Media media) {
    MagnetLink magnet;
    try {
      magnet = MagnetLink.parse(media.magnet());
    } catch (InvalidTorrentException e) {
      log.warn("the room's magnet link is unusable: {}", e.getMessage());
      return CompletableFuture.failedFuture(
          new IllegalStateException("The room's movie link cannot be used: " + e.getMessage()));
    }
    if (!magnet.infoHash().equals(media.infoHash())) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("The room's movie link names another torrent than the movie."));
    }
    StreamingTorrent torrent =
        streamer.torrent(media.infoHash()).orElseGet(() -> started(streamer.open(magnet, options(media))));
    log.info("streaming {} ({}), file {}", media.title(), media.infoHash(), media.fileIndex());
    return torrent.metadata()
        .handle(
            (metadata, error) -> {
              if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw new CompletionException(
                    new IllegalStateException("The movie's torrent cannot be used: " + cause.getMessage(), cause));
              }
              return publish(torrent);
            });
  }

  /** The room's members serving a torrent: they become its peers (ourselves excepted). */
  public void swarmPeers(SwarmPeers peers) {
    roomPeers.put(peers.infoHash(), peers.peers());
    streamer.torrent(peers.infoHash()).ifPresent(this::connectRoomPeers);
  }

  /** Our member id in the room, so our own announcement is not taken for a peer. */
  public void memberId(String memberId) {
    ownMemberId = Objects.requireNonNull(memberId, "memberId");
  }

  /** Announces every open torrent again: after joining a room or reconnecting. */
  public void announceAll() {
    for (StreamingTorrent torrent : openTorrents()) {
      announcer.announce(torrent.infoHash(), listenPort());
    }
  }

  /** What the torrent being played is doing, for a status bar; empty when nothing plays. */
  public Optional<StreamStatus> status() {
    StreamingTorrent current = playing;
    return current == null ? Optional.empty() : Optional.of(current.status());
  }

  @Override
  public void close() {
    http.close();
    streamer.close();
  }

  private StreamingTorrent started(StreamingTorrent torrent) {
    opened.add(torrent.infoHash());
    announcer.announce(torrent.infoHash(), listenPort());
    connectRoomPeers(torrent);
    return torrent;
  }

  private void connectRoomPeers(StreamingTorrent torrent) {
    List<SwarmPeer> peers = roomPeers.getOrDefault(torrent.infoHash(), List.of());
    shareFetching(torrent, peers);
    for (SwarmPeer peer : peers) {
      if (peer.memberId().equals(ownMemberId)) {
        continue;
      }
      try {
        torrent.addPeer(new PeerAddress(peer.host(), peer.port()));
      } catch (IllegalArgumentException e) {
        log.warn("ignoring the room's peer {}:{}: {}", peer.host(), peer.port(), e.getMessage());
      }
    }
  }

  /**
   * Our share of the pieces (PROTOCOL.md §14): our rank among the serving members ordered by id,
   * of as many shares as there are members; nothing to share while we are not listed.
   */
  private void shareFetching(StreamingTorrent torrent, List<SwarmPeer> peers) {
    Share share = share(peers, ownMemberId);
    torrent.shareWithRoom(share.position(), share.members());
  }

  /** A member's share of a torrent's pieces: {@code position} of {@code members} (1: no sharing). */
  record Share(int position, int members) {}

  static Share share(List<SwarmPeer> peers, String memberId) {
    List<String> members = peers.stream().map(SwarmPeer::memberId).distinct().sorted().toList();
    int position = members.indexOf(memberId);
    return position < 0 ? new Share(0, 1) : new Share(position, members.size());
  }

  private List<StreamingTorrent> openTorrents() {
    opened.removeIf(infoHash -> streamer.torrent(infoHash).isEmpty());
    return opened.stream().map(streamer::torrent).flatMap(Optional::stream).toList();
  }

  private PlayableMedia publish(StreamingTorrent torrent) {
    URI location = http.publish(torrent);
    playing = torrent;
    return new TorrentMedia(torrent, location);
  }

  private static OpenOptions options(Media media) {
    OpenOptions options = OpenOptions.defaults().withFileIndex(media.fileIndex());
    if (media.durationUs().isPresent() && media.durationUs().getAsLong() > 0) {
      options = options.withMediaDuration(Duration.ofNanos(media.durationUs().getAsLong() * 1_000));
    }
    return options;
  }

  /** The played torrent's file, served over HTTP while it downloads. */
  private final class TorrentMedia implements PlayableMedia {
    private final StreamingTorrent torrent;
    private final URI location;

    TorrentMedia(StreamingTorrent torrent, URI location) {
      this.torrent = torrent;
      this.location = location;
    }

    @Override
    public URI location() {
      return location;
    }

    @Override
    public long bufferedAheadUs() {
      return Math.round(torrent.status().bufferedAheadSeconds() * 1_000_000);
    }

    @Override
    public void durationKnown(long durationUs) {
      torrent.setMediaDuration(Duration.ofNanos(durationUs * 1_000));
    }

    @Override
    public void close() {
      if (playing == torrent) {
        playing = null;
      }
      http.unpublish(torrent);
      torrent.close();
    }
  }
}
