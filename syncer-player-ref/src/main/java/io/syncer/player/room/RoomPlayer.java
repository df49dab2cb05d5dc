package io.syncer.player.room;

import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.transport.CloseCode;
import io.syncer.player.media.FfmpegPlayerBackend;
import io.syncer.player.media.PlayerBackend;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.Wait;
import io.syncer.protocol.message.Welcome;
import io.syncer.protocol.time.MicroClock;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real player of a room participant: an FFmpeg {@link PlayerBackend}, the room's movie
 * streamed from its torrent ({@link RoomStreaming}), and the {@link BackendPlayerAdapter} through
 * which a {@link ParticipantSession} drives them. The desktop app and the headless participant's
 * {@code --engine ffmpeg} both run one.
 *
 * <pre>{@code
 * RoomPlayer player = RoomPlayer.start(
 *     new RoomPlayer.Options(downloads, peerAddress, true, MicroClock.system(), false), problems::show);
 * ParticipantSession session = ParticipantSession.builder(player.adapter())
 *     .listener(player.listenerThen(myListener)).tokenSupplier(api.roomTokens()).build();
 * player.attach(session);
 * }</pre>
 *
 * <p>Threads: the backend's, the streaming's and the adapter's (see each); {@link #close()} stops
 * them all.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class RoomPlayer implements AutoCloseable {

  private final FfmpegPlayerBackend backend;
  private final RoomStreaming streaming;
  private final BackendPlayerAdapter adapter;

  private RoomPlayer(FfmpegPlayerBackend backend, RoomStreaming streaming, Consumer<String> problems) {
    this.backend = backend;
    this.streaming = streaming;
    this.adapter = new BackendPlayerAdapter(backend, streaming, problems);
  }

  /**
   * Starts the torrent runtime and the player.
   *
   * @param problems told, as sentences for a person, when the room's movie cannot be fetched or
   *     played
   * @throws IOException when the download directory or a port cannot be had
   */
  public static RoomPlayer start(Options options, Consumer<String> problems) throws IOException {
    RoomStreaming streaming =
        RoomStreaming.start(options.downloadDirectory(), options.peerAddress(), options.dht());
    FfmpegPlayerBackend backend =
        FfmpegPlayerBackend.builder().clock(options.clock()).silent(options.silent()).build();
    return new RoomPlayer(backend, streaming, problems);
  }

  public PlayerBackend backend() {
    return backend;
  }

  /** The player as the participant session sees it. */
  public BackendPlayerAdapter adapter() {
    return adapter;
  }

  public RoomStreaming streaming() {
    return streaming;
  }

  /** Our torrents are announced to {@code session}'s room from now on. */
  public void attach(ParticipantSession session) {
    streaming.announceTo((infoHash, port) -> session.announceSwarm(infoHash, port, Optional.empty()));
  }

  /**
   * A listener that tells the streaming what it needs from the room (who we are, the peers it
   * names) and then passes every event on to {@code next}.
   */
  public ParticipantListener listenerThen(ParticipantListener next) {
    Objects.requireNonNull(next, "next");
    return new ParticipantListener() {
      @Override
      public void onWelcome(Welcome welcome) {
        streaming.memberId(welcome.memberId());
        next.onWelcome(welcome);
      }

      @Override
      public void onRoomState(RoomState state) {
        streaming.memberId(state.memberId());
        streaming.announceAll();
        next.onRoomState(state);
      }

      @Override
      public void onMembers(Members members) {
        next.onMembers(members);
      }

      @Override
      public void onTimelineReceived(TimelineUpdate update) {
        next.onTimelineReceived(update);
      }

      @Override
      public void onTimelineApplied(Timeline timeline) {
        next.onTimelineApplied(timeline);
      }

      @Override
      public void onWait(Wait wait) {
        next.onWait(wait);
      }

      @Override
      public void onError(ErrorMessage error) {
        next.onError(error);
      }

      @Override
      public void onSwarmPeers(SwarmPeers peers) {
        streaming.swarmPeers(peers);
        next.onSwarmPeers(peers);
      }

      @Override
      public void onDisconnected(CloseCode code, String reason) {
        next.onDisconnected(code, reason);
      }
    };
  }

  /** Stops opening media, then the player, then the torrents and the local HTTP server. */
  @Override
  public void close() {
    adapter.close();
    backend.close();
    streaming.close();
  }

  /**
   * How a {@link RoomPlayer} runs.
   *
   * <p>Thread-safety: immutable.
   *
   * @param downloadDirectory where movies are stored
   * @param peerAddress where peers reach us (all interfaces for friends on the network, loopback
   *     for tests)
   * @param dht whether to look for peers in the DHT too
   * @param clock the wall clock of the media clock; the session's clock
   * @param silent no sound device (headless)
   */
  public record Options(
      Path downloadDirectory, InetAddress peerAddress, boolean dht, MicroClock clock, boolean silent) {

    public Options {
      Objects.requireNonNull(downloadDirectory, "downloadDirectory");
      Objects.requireNonNull(peerAddress, "peerAddress");
      Objects.requireNonNull(clock, "clock");
    }
  }
}
