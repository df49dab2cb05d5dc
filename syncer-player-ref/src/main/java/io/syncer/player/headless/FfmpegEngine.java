package io.syncer.player.headless;

import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.PlayerAdapter;
import io.syncer.player.api.ApiException;
import io.syncer.player.api.LibraryMovie;
import io.syncer.player.api.SyncerApi;
import io.syncer.player.media.PlaybackState;
import io.syncer.player.media.PlayerBackend;
import io.syncer.player.room.RoomPlayer;
import io.syncer.player.room.RoomStreaming.PreparedMovie;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.time.MicroClock;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.TorrentMetadata;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --engine ffmpeg}: the real player of the desktop app without its window and sound. The
 * room's movie streams from its torrent and FFmpeg decodes it in real time against the
 * participant's (emulated) clock, so the traced position is the real media clock; the owner's
 * {@code --media} is prepared here, added to the library when logged in, and chosen for the room.
 *
 * <p>Threads: those of {@link RoomPlayer}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class FfmpegEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FfmpegEngine.class);
  /** How long the owner waits for a magnet's metadata from peers before giving up. */
  private static final long METADATA_SECONDS = 120;
  private static final int MAX_MEDIA_MAGNET = 8192;
  private static final int LIBRARY_PAGE = 100;

  private final RoomPlayer player;

  private FfmpegEngine(RoomPlayer player) {
    this.player = player;
  }

  /**
   * Starts the torrent runtime and a silent player on {@code clock}.
   *
   * @param problems told when the room's movie cannot be fetched or played
   */
  static FfmpegEngine start(HeadlessParticipant options, MicroClock clock, Consumer<String> problems)
      throws IOException {
    Path downloads = options.downloadDirectory != null
        ? options.downloadDirectory : Files.createTempDirectory("syncer-headless-");
    log.info("movies download to {}", downloads);
    RoomPlayer.Options playerOptions = new RoomPlayer.Options(downloads,
        InetAddress.getByName(options.peerAddress), !options.noDht, clock, true);
    return new FfmpegEngine(RoomPlayer.start(playerOptions, problems));
  }

  PlayerAdapter adapter() {
    return player.adapter();
  }

  /** A listener that tells the streaming what the room says, then passes it on to {@code next}. */
  ParticipantListener listenerThen(ParticipantListener next) {
    return player.listenerThen(next);
  }

  /** Our torrents are announced to {@code session}'s room. */
  void attach(ParticipantSession session) {
    player.attach(session);
  }

  /** What the trace records: the backend's media clock. */
  VirtualPlayer.Sample sample() {
    PlayerBackend backend = player.backend();
    PlaybackState state = backend.state();
    return new VirtualPlayer.Sample(0, backend.positionUs(), backend.rate(),
        state != PlaybackState.PLAYING, state == PlaybackState.SEEKING);
  }

  /**
   * The owner's {@code --media} as the room's media: a .torrent file is preloaded (its metadata
   * needs no peer), a magnet link is opened until its metadata arrives; with an account it is
   * added to the library, whose movie id and title the room then shows. Blocks (metadata from
   * peers, server calls).
   *
   * @throws IllegalStateException with a sentence for a person when it cannot be had
   */
  Media prepareMedia(String mediaArgument, Optional<SyncerApi> library) {
    try {
      Path file = Path.of(mediaArgument);
      boolean torrentFile = !mediaArgument.startsWith("magnet:") && Files.isRegularFile(file);
      if (!torrentFile && !mediaArgument.startsWith("magnet:")) {
        throw new IllegalStateException("--media: " + mediaArgument + " is neither a magnet link nor a .torrent file");
      }
      PreparedMovie prepared;
      String magnet;
      Optional<LibraryMovie> movie;
      if (torrentFile) {
        byte[] torrent = readTorrent(file);
        movie = library.isEmpty() ? Optional.empty() : Optional.of(addToLibrary(library.get(), torrent, null));
        prepared = player.streaming().preload(torrent, movie.map(LibraryMovie::fileIndex).orElse(OptionalInt.empty()));
        magnet = prepared.magnet();
      } else {
        movie = library.isEmpty() ? Optional.empty() : Optional.of(addToLibrary(library.get(), null, mediaArgument));
        prepared = player.streaming().prepare(mediaArgument).get(METADATA_SECONDS, TimeUnit.SECONDS);
        magnet = mediaArgument;
      }
      if (magnet.length() > MAX_MEDIA_MAGNET) {
        magnet = "magnet:?xt=urn:btih:" + prepared.infoHash();
      }
      String title = movie.map(LibraryMovie::title).orElse(prepared.name());
      String mediaId = movie.map(LibraryMovie::id).orElse("torrent-" + prepared.infoHash());
      log.info("the room will play {} ({}, file {})", title, prepared.infoHash(), prepared.fileIndex());
      return new Media(mediaId, title.length() > 256 ? title.substring(0, 256) : title, prepared.infoHash(),
          magnet, prepared.fileIndex(), OptionalLong.empty(), OptionalLong.of(prepared.fileLength()));
    } catch (InvalidTorrentException e) {
      throw new IllegalStateException("--media: not a usable torrent: " + e.getMessage(), e);
    } catch (ApiException e) {
      throw new IllegalStateException("--media: the library refused it: " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("--media: no peer sent the movie's metadata within "
          + METADATA_SECONDS + " s", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("--media: " + e.getCause().getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("--media: cannot read " + mediaArgument + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("--media: interrupted", e);
    }
  }

  private static byte[] readTorrent(Path file) throws IOException {
    if (Files.size(file) > TorrentMetadata.MAX_TORRENT_FILE_BYTES) {
      throw new IOException("larger than a .torrent file can be");
    }
    return Files.readAllBytes(file);
  }

  /** Adds the movie, or finds it when the library has it already. */
  private static LibraryMovie addToLibrary(SyncerApi api, byte[] torrent, String magnet)
      throws ApiException, InvalidTorrentException {
    try {
      return torrent != null ? api.addTorrentFile(torrent) : api.addMagnet(magnet);
    } catch (ApiException e) {
      if (!"duplicate_movie".equals(e.code())) {
        throw e;
      }
    }
    String infoHash = torrent != null
        ? TorrentMetadata.parse(torrent).infoHash()
        : io.syncer.torrent.MagnetLink.parse(magnet).infoHash();
    for (int page = 0; ; page++) {
      var found = api.movies("", "", page, LIBRARY_PAGE);
      for (LibraryMovie movie : found.items()) {
        if (movie.infoHash().equals(infoHash)) {
          return movie;
        }
      }
      if (page + 1 >= found.totalPages()) {
        throw new ApiException(409, "duplicate_movie", "the library says it has the movie, but does not list it");
      }
    }
  }

  @Override
  public void close() {
    player.close();
  }
}
