package io.syncer.player.headless;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.PlayerAdapter;
import io.syncer.player.api.ApiException;
import io.syncer.player.room.RoomConnections;
import io.syncer.player.api.SyncerApi;
import io.syncer.core.transport.CloseCode;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Welcome;
import io.syncer.protocol.time.MicroClock;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a headless participant: an emulated clock, a player on it (a {@link VirtualPlayer},
 * or with {@code --engine ffmpeg} the real one, {@link FfmpegEngine}), a {@link
 * ParticipantSession} that keeps the player on the room's timeline, and — for the owner — the
 * {@code --media} and the {@link ScriptRunner}. The run ends when the script ends, when {@code --duration} is up, when
 * the owner this participant followed leaves the room, or on failure.
 *
 * <p>Threads: {@code headless-timer} (the session's and the script's timers, on the emulated
 * clock), {@code headless-session} (the session's actor, which alone calls the player), the
 * WebSocket client's own threads, with {@code --trace} {@code trace-writer}, with {@code --engine
 * ffmpeg} the real player's (decoding, torrent, local HTTP) and, for the owner's {@code --media},
 * {@code headless-media} while it is prepared.
 *
 * <p>Thread-safety: the listener methods run on the session's actor; {@link #finish} may be
 * called from any thread.
 */
final class ParticipantRun implements ParticipantListener {

  /** Errors after which there is nothing left to do in this room. */
  private static final Set<ErrorCode> FATAL =
      EnumSet.of(
          ErrorCode.ROOM_NOT_FOUND, ErrorCode.ROOM_FULL, ErrorCode.UNAUTHORIZED,
          ErrorCode.UNSUPPORTED_VERSION, ErrorCode.ALREADY_IN_ROOM, ErrorCode.RATE_LIMITED);

  /** How long leaving may take to reach the server before the connection is closed anyway. */
  private static final long GOODBYE_MILLIS = 2_000;

  private static final Logger log = LoggerFactory.getLogger(ParticipantRun.class);

  private final HeadlessParticipant options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final ScheduledExecutorService timer;
  private final ExecutorService actor;
  private final TaskScheduler scheduler;
  private final FfmpegEngine engine;
  private final Optional<SyncerApi> library;
  private final TraceWriter trace;
  private final ParticipantSession session;
  private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
  private final Thread shutdownHook =
      new Thread(() -> finishAndWait(0, null), "headless-shutdown");
  private volatile jakarta.websocket.Session connection;
  private boolean closing;

  // Confined to the session's actor (listener calls) once the session runs.
  private boolean welcomed;
  private boolean inRoom;
  private String followedOwnerId;
  private ScriptRunner script;
  private boolean mediaRequested;
  private boolean mediaChosen;

  private ParticipantRun(HeadlessParticipant options, PrintWriter out, PrintWriter err)
      throws IOException {
    this.options = options;
    this.out = out;
    this.err = err;
    this.timer = Executors.newSingleThreadScheduledExecutor(Threads.daemon("headless-timer"));
    // The emulated machine's clock: the only clock the session, the script and the player read.
    this.scheduler =
        new EmulatedClock(
            TaskScheduler.of(timer, MicroClock.system()),
            options.clockOffsetMillis * 1_000,
            options.clockSkewPpm);
    MicroClock clock = scheduler.clock();
    this.library = logIn(options);
    PlayerAdapter player;
    Supplier<VirtualPlayer.Sample> traced;
    if (options.engine == HeadlessParticipant.Engine.FFMPEG) {
      this.engine = FfmpegEngine.start(options, clock,
          problem -> log.warn("the room's movie cannot be played: {}", problem));
      player = engine.adapter();
      traced = engine::sample;
    } else {
      this.engine = null;
      VirtualPlayer virtual =
          new VirtualPlayer(
              clock,
              VirtualPlayer.Config.defaults(),
              options.seed == null ? new SplittableRandom() : new SplittableRandom(options.seed));
      player = new VirtualPlayerAdapter(virtual, options.positionReport);
      traced = virtual::sample;
    }
    try {
      this.trace = options.trace == null ? null : TraceWriter.start(options.trace, traced);
    } catch (IOException e) {
      if (engine != null) {
        engine.close();
      }
      throw e;
    }
    this.actor = Executors.newSingleThreadExecutor(Threads.daemon("headless-session"));
    ParticipantSession.Builder builder =
        ParticipantSession.builder(player)
            .scheduler(scheduler)
            .executor(actor)
            .listener(engine == null ? this : engine.listenerThen(this))
            .name(options.name);
    library.ifPresent(api -> builder.tokens(api::freshAccessToken));
    this.session = builder.build();
    if (engine != null) {
      engine.attach(session);
    }
  }

  /** With {@code --user}: logs in (or registers) on the server's REST API. */
  private static Optional<SyncerApi> logIn(HeadlessParticipant options) {
    if (options.user == null) {
      return Optional.empty();
    }
    try {
      SyncerApi api = SyncerApi.forServer(options.server.toString());
      if (options.register) {
        api.register(options.user, options.password());
      } else {
        api.logIn(options.user, options.password());
      }
      return Optional.of(api);
    } catch (ApiException e) {
      throw new IllegalStateException("cannot log in as " + options.user + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts a participant as {@code options} say; {@code out} gets the {@code ROOM} line, {@code
   * err} what went wrong.
   */
  static ParticipantRun start(HeadlessParticipant options, PrintWriter out, PrintWriter err) {
    ParticipantRun run;
    try {
      run = new ParticipantRun(options, out, err);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the trace " + options.trace + ": " + e, e);
    }
    run.connect();
    return run;
  }

  private void connect() {
    URI server = options.server;
    try {
      connection =
          JakartaClient.connect(
              ContainerProvider.getWebSocketContainer(), server, session,
              JakartaOptions.defaults());
    } catch (DeploymentException | IOException | RuntimeException e) {
      log.error("cannot connect to {}: {}", server, e.toString());
      finish(1, "cannot connect to " + server + ": " + rootMessage(e));
      return;
    }
    log.info("connected to {}", server);
    // On SIGTERM or Ctrl-C, still leave the room and finish the trace.
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Blocks until the run is over; returns the process's exit code. */
  int awaitExitCode() throws InterruptedException {
    try {
      return exitCode.get();
    } catch (ExecutionException impossible) {
      throw new IllegalStateException(impossible.getCause());
    }
  }

  // ---- session events, on the session's actor ----

  @Override
  public void onWelcome(Welcome welcome) {
    if (welcomed) {
      return;
    }
    welcomed = true;
    log.info("welcome, {} ({})", welcome.name(), welcome.memberId());
    if (options.room.create) {
      session.createRoom();
    } else {
      session.joinRoom(options.room.code);
    }
  }

  @Override
  public void onRoomState(RoomState state) {
    if (!inRoom) {
      inRoom = true;
      if (options.room.create) {
        out.println("ROOM " + state.code());
        out.flush();
      }
      log.info("in room {} as {} ({} members)", state.code(), state.memberId(),
          state.members().size());
      if (options.durationMicros != null) {
        scheduler.schedule(options.durationMicros, () -> finish(0, null));
      }
    }
    followedOwnerId = state.ownerId();
    mediaChosen = state.media().isPresent();
    if (options.media != null && !mediaRequested && state.ownerId().equals(state.memberId())) {
      mediaRequested = true;
      chooseMedia();
    }
    membersChanged(state.memberId(), state.ownerId(), state.members());
  }

  @Override
  public void onMembers(Members members) {
    String me = session.snapshot().memberId().orElse(null);
    if (!options.room.create && members.members().stream()
        .noneMatch(m -> m.id().equals(followedOwnerId))) {
      log.info("the owner left the room: done");
      finish(0, null);
      return;
    }
    followedOwnerId = members.ownerId();
    membersChanged(me, members.ownerId(), members.members());
  }

  /** Prepares the owner's {@code --media} off the session's thread (it may wait for peers). */
  private void chooseMedia() {
    Thread chooser = new Thread(() -> {
      try {
        session.setMedia(engine.prepareMedia(options.media, library));
      } catch (IllegalStateException e) {
        finish(1, e.getMessage());
      }
    }, "headless-media");
    chooser.setDaemon(true);
    chooser.start();
  }

  private void membersChanged(String me, String ownerId, List<Member> members) {
    if (options.script == null || script != null || me == null || !me.equals(ownerId)) {
      return;
    }
    if (options.media != null && !mediaChosen) {
      // The script plays the movie: it starts once the room has it.
      return;
    }
    long present = members.stream().filter(m -> m.state() != MemberState.DISCONNECTED).count();
    if (present >= options.awaitMembers) {
      log.info("{} members in the room: starting the script", present);
      script =
          new ScriptRunner(
              options.script, scheduler, new SessionControls(session),
              options.script.endsExplicitly() ? 0 : HeadlessParticipant.SCRIPT_SETTLE_MICROS,
              () -> finish(0, null));
      script.start();
    }
  }

  @Override
  public void onError(ErrorMessage error) {
    if (FATAL.contains(error.code()) && !inRoom) {
      finish(1, error.code().wireName() + ": " + error.message());
    } else {
      log.warn("the server refused a request: {} {}", error.code().wireName(), error.message());
    }
  }

  @Override
  public void onDisconnected(CloseCode code, String reason) {
    finish(1, "the connection to the server was lost (" + code.code() + " " + reason + ")");
  }

  // ---- ending ----

  /**
   * Ends the run once: stops the script, leaves the room, closes the connection, the trace and
   * the threads, then hands {@code code} to {@link #awaitExitCode}. {@code problem}, if any, is
   * told to the user on standard error.
   */
  void finish(int code, String problem) {
    synchronized (this) {
      if (exitCode.isDone() || closing) {
        return;
      }
      closing = true;
    }
    Thread closer = new Thread(() -> close(code, problem), "headless-close");
    closer.start();
  }

  private void finishAndWait(int code, String problem) {
    finish(code, problem);
    try {
      exitCode.get(2 * GOODBYE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("did not finish in time: {}", e.toString());
    }
  }

  private void close(int code, String problem) {
    if (problem != null) {
      log.error("{}", problem);
      err.println("syncer-player: " + problem);
      err.flush();
    }
    if (script != null) {
      script.cancel();
    }
    if (connection != null && connection.isOpen()) {
      session.leaveRoom();
    }
    session.close();
    RoomConnections.closeAfterGoodbye(connection, Duration.ofMillis(GOODBYE_MILLIS));
    if (trace != null) {
      trace.close();
    }
    if (engine != null) {
      engine.close();
    }
    timer.shutdownNow();
    actor.shutdown();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // This is the hook's own run: nothing to remove.
    }
    exitCode.complete(code);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
  }

  /** The owner's controls, as the script uses them. */
  private record SessionControls(ParticipantSession session) implements ScriptRunner.Controls {
    @Override
    public void play() {
      session.play();
    }

    @Override
    public void pause() {
      session.pause();
    }

    @Override
    public void seek(long positionMicros) {
      session.seek(positionMicros);
    }

    @Override
    public void setRate(double rate) {
      session.setRate(rate);
    }
  }
}
