package io.syncer.core.session;

import io.syncer.core.internal.Outbox;
import io.syncer.core.internal.SerialExecutor;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.clock.ClockEstimate;
import io.syncer.protocol.clock.ClockSample;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.clock.DeliveryDelays;
import io.syncer.protocol.clock.SampleOutcome;
import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.drift.Correction;
import io.syncer.protocol.drift.DriftController;
import io.syncer.protocol.drift.DriftDecision;
import io.syncer.protocol.drift.PlayerObservation;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.drift.SyncerDriftPolicy;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.LeaveRoom;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.Pause;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomCodes;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Seek;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.SetMedia;
import io.syncer.protocol.message.SetRate;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.SwarmAnnounce;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.TransferOwner;
import io.syncer.protocol.message.Wait;
import io.syncer.protocol.message.Welcome;
import io.syncer.protocol.time.MicroClock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One participant of a room, client side: speaks the protocol over any transport ({@link
 * SessionAcceptor}), keeps the server clock estimate (a burst of clock requests, then periodic
 * ones), applies each incoming timeline at its execute-at time, and keeps a {@link PlayerAdapter}
 * on the room's timeline through the {@link SyncPolicy}'s drift controller, reporting {@code
 * status} about once a second and whenever the player's state changes.
 *
 * <p>The session survives its connections: when one drops, the player keeps following the last
 * timeline, and the next connection given to {@link #open} resumes the same member, role and room
 * (within the server's grace period). Requests made while no connection is welcomed are sent once
 * one is.
 *
 * <p>{@code create_room} and {@code join_room} are sent once the connection's clock estimate has
 * {@linkplain ClockEstimate#converged() converged} (with the default clock, 4 samples, under half
 * a second, on a quiet path; 15, about 1.5 s, on a jittery one), so that a member applies the room's
 * commands with as good an estimate as the members already there: on a mobile path one that
 * joined on four samples applied them 7 to 10 ms away from the others. Requests made after one of
 * them wait behind it, in order. If no converged estimate comes within 10 s (a server that answers
 * no clock requests), they are sent anyway, with a warning in the log.
 *
 * <pre>{@code
 * ParticipantSession session = ParticipantSession.builder(myPlayer).name("Ana").build();
 * JakartaClient.connect(container, URI.create("ws://127.0.0.1:8470/ws/v1"), session,
 *     JakartaOptions.defaults());
 * session.joinRoom("7K3M9QXA2B");
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. All work runs on the session's own serial executor;
 * the {@link PlayerAdapter} and the {@link ParticipantListener} are called from it only.
 */
public final class ParticipantSession implements SessionAcceptor, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ParticipantSession.class);

  /**
   * Offsets below this plus the player's position granularity are left to the drift controller
   * when a timeline takes effect: a frame-stepped player reads up to a frame behind, and seeking
   * for that would only make it seek again.
   */
  static final long SNAP_TOLERANCE_US = 20_000;
  /** How far ahead of the player's average seek latency a seek aims, in multiples of it. */
  private static final double SEEK_HEAD_START = 2.0;
  /** Seek latency assumed for the head start until the player has measured its own. */
  private static final long ASSUMED_SEEK_LATENCY_US = 500_000;
  /** A timeline this close to its anchor counts as due (absorbs rounding of clock conversions). */
  private static final long DUE_SLACK_US = 500;
  /** Requests made while disconnected that are sent once welcomed. */
  private static final int MAX_WAITING_REQUESTS = 32;
  /**
   * Longest a {@code create_room} or {@code join_room} waits for a converged clock estimate, µs:
   * the estimate needs about 1.5 s on a jittery path, and a server that answers no clock requests must
   * not keep the member out of its room.
   */
  static final long ROOM_ENTRY_CLOCK_WAIT_US = 10_000_000;
  /** Clock error reported before the first estimate: a modest RTT, so leads stay reasonable. */
  private static final long UNKNOWN_CLOCK_ERROR_US = 50_000;

  private final MicroClock clock;
  private final TaskScheduler scheduler;
  private final Executor executor;
  private final SerialExecutor actor;
  private final PlayerAdapter player;
  private final SyncPolicy policy;
  private final ParticipantListener listener;
  private final MessageCodec codec = MessageCodec.create();
  private final RandomGenerator random;
  private final String clientName;
  private final Optional<String> name;
  private final Supplier<Optional<String>> token;
  private final long tickMicros;
  private final long statusMicros;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicLong requestIds = new AtomicLong();

  private volatile ParticipantSnapshot snapshot = ParticipantSnapshot.INITIAL;
  private volatile Optional<ClockEstimate> lastEstimate = Optional.empty();

  // ---- confined to the actor ----
  private int connection;
  private Outbox outbox;
  private boolean welcomed;
  private String memberId;
  private String resumeToken;
  private ClockStrategy clockSync;
  private final DeliveryDelays deliveryDelays = DeliveryDelays.defaults();
  private final PositionGranularity granularity = new PositionGranularity();
  private TaskScheduler.Cancellable clockTimer;
  private TaskScheduler.Cancellable activationTimer;
  private TaskScheduler.Cancellable tickTimer;
  private final DriftController drift;
  private final TreeMap<Long, Timeline> pending = new TreeMap<>();
  private final ArrayDeque<ClientMessage> waitingRequests = new ArrayDeque<>();
  /**
   * Local time at which a room entry at the head of {@link #waitingRequests} stops waiting for the
   * clock; {@link Long#MIN_VALUE} while none waits for it.
   */
  private long roomEntryDeadlineUs = Long.MIN_VALUE;
  private TaskScheduler.Cancellable roomEntryTimer;
  private Timeline current;
  /** A playing timeline waits for the first clock estimate before the player lands on it. */
  private boolean landingOnClock;
  /** The timeline the player's seek in flight (if it still buffers) heads for; null if none. */
  private Timeline seekingFor;
  /** A timeline took effect during that seek: check the player's position once it lands. */
  private boolean realignAfterSeek;
  /** Media position the player holds at, paused, until the timeline gets there; -1 if none. */
  private long holdingAtUs = -1;
  private TaskScheduler.Cancellable startTimer;
  private String roomCode;
  private String ownerId;
  private List<Member> members = List.of();
  private Optional<Media> media = Optional.empty();
  private List<String> waitingFor = List.of();
  private PlayerState reportedState;
  private long lastStatusAt = Long.MIN_VALUE;
  private long offsetUs;
  private boolean closed;

  private ParticipantSession(Builder b) {
    this.clock = b.scheduler.clock();
    this.scheduler = b.scheduler;
    this.executor = b.executor;
    this.player = b.player;
    this.policy = b.policy;
    this.listener = b.listener;
    this.random = b.random;
    this.clientName = b.clientName;
    this.name = b.name;
    this.token = b.token;
    this.tickMicros = b.tickMicros;
    this.statusMicros = b.statusMicros;
    this.actor =
        new SerialExecutor(executor, failure -> log.error("participant task failed", failure));
    this.drift = policy.newController();
    this.clockSync = policy.newClock();
    actor.execute(this::tick);
  }

  /** A builder for a session driving {@code player}. */
  public static Builder builder(PlayerAdapter player) {
    return new Builder(player);
  }

  // ---- transport ----

  /**
   * A new connection to the server is open (the first, or a reconnect): the session says hello,
   * resuming its member if it had one.
   */
  @Override
  public SessionListener open(Session session) {
    int id = connections.incrementAndGet();
    actor.execute(() -> connected(id, session));
    return new SessionListener() {
      @Override
      public void onText(String text) {
        long receivedAt = clock.nowMicros();
        actor.execute(() -> {
          if (connection == id) {
            receive(text, receivedAt);
          }
        });
      }

      @Override
      public void onRejected(Rejection rejection) {
        log.warn("server sent a message the transport refused: {}", rejection);
      }

      @Override
      public void onClosed(CloseCode code, String reason) {
        actor.execute(() -> disconnected(id, code, reason));
      }
    };
  }

  // ---- commands: any thread; each returns the request id an error would echo ----

  /** Creates a room and joins it as owner. */
  public long createRoom() {
    long rid = nextRid();
    request(new CreateRoom(OptionalLong.of(rid)));
    return rid;
  }

  /**
   * Joins the room with this code, as typed by a person (case, spaces and dashes do not matter).
   *
   * @throws IllegalArgumentException if the text cannot be a room code
   */
  public long joinRoom(String typedCode) {
    String code =
        RoomCodes.normalize(typedCode)
            .orElseThrow(() -> new IllegalArgumentException("not a room code: " + typedCode));
    long rid = nextRid();
    request(new JoinRoom(code, OptionalLong.of(rid)));
    return rid;
  }

  /**
   * Leaves the current room; the player keeps its position, paused by nobody. A {@code
   * create_room} or {@code join_room} not sent yet (waiting for the connection or the clock) is
   * withdrawn instead; then, unless the session is in a room, nothing is sent.
   */
  public long leaveRoom() {
    long rid = nextRid();
    actor.execute(
        () -> {
          boolean withdrew = waitingRequests.removeIf(ParticipantSession::entersRoom);
          if (withdrew && roomCode == null) {
            log.info("left before entering the room: its request is withdrawn, not sent");
            sendWaitingRequests();
          } else {
            enqueue(new LeaveRoom(OptionalLong.of(rid)));
          }
          leftRoom();
          publish();
        });
    return rid;
  }

  /** Owner only: start playback for everyone. */
  public long play() {
    long rid = nextRid();
    request(new Play(OptionalLong.of(rid)));
    return rid;
  }

  /** Owner only: pause for everyone. */
  public long pause() {
    long rid = nextRid();
    request(new Pause(OptionalLong.of(rid)));
    return rid;
  }

  /** Owner only: move everyone to {@code positionUs}. */
  public long seek(long positionUs) {
    long rid = nextRid();
    request(new Seek(positionUs, OptionalLong.of(rid)));
    return rid;
  }

  /** Owner only: change the room's playback rate (0.25..4). */
  public long setRate(double rate) {
    long rid = nextRid();
    request(new SetRate(rate, OptionalLong.of(rid)));
    return rid;
  }

  /** Owner only: choose what the room watches. */
  public long setMedia(Media chosen) {
    long rid = nextRid();
    request(new SetMedia(chosen, OptionalLong.of(rid)));
    return rid;
  }

  /** Owner only: hand the room to another member. */
  public long transferOwner(String memberId) {
    long rid = nextRid();
    request(new TransferOwner(memberId, OptionalLong.of(rid)));
    return rid;
  }

  /** Tells the room where this participant serves a torrent (host empty: as the server sees us). */
  public void announceSwarm(String infoHash, int port, Optional<String> host) {
    request(new SwarmAnnounce(infoHash, port, host));
  }

  /** What the session knows now. */
  public ParticipantSnapshot snapshot() {
    return snapshot;
  }

  /** The latest server clock estimate, if any: converts local times to server times. */
  public Optional<ClockEstimate> clockEstimate() {
    return lastEstimate;
  }

  /** Stops the session's timers and closes the current connection. */
  @Override
  public void close() {
    actor.execute(
        () -> {
          closed = true;
          cancel(clockTimer);
          cancel(roomEntryTimer);
          cancel(activationTimer);
          cancel(startTimer);
          cancel(tickTimer);
          if (outbox != null) {
            outbox.closeAfterFlush(CloseCode.NORMAL, "bye");
          }
        });
  }

  private long nextRid() {
    return requestIds.incrementAndGet();
  }

  /**
   * Sends now, or once the (next) connection is welcomed and, behind a room entry, the clock has
   * converged; a long outage drops the oldest.
   */
  private void request(ClientMessage message) {
    actor.execute(() -> enqueue(message));
  }

  private static boolean entersRoom(ClientMessage message) {
    return message instanceof JoinRoom || message instanceof CreateRoom;
  }

  // ---- actor ----

  private void enqueue(ClientMessage message) {
    if (waitingRequests.size() == MAX_WAITING_REQUESTS) {
      log.info("too many requests waiting for the connection or the clock: dropping {}",
          waitingRequests.removeFirst().type().wireName());
    }
    waitingRequests.addLast(message);
    sendWaitingRequests();
  }

  /**
   * Sends the waiting requests in order while welcomed, stopping at a room entry until the clock
   * estimate has converged or the entry has waited {@link #ROOM_ENTRY_CLOCK_WAIT_US}.
   */
  private void sendWaitingRequests() {
    if (outbox == null || !welcomed) {
      return;
    }
    while (!waitingRequests.isEmpty()) {
      if (entersRoom(waitingRequests.peekFirst()) && !clockReadyForRoom()) {
        awaitClockForRoom();
        return;
      }
      send(waitingRequests.removeFirst());
    }
    stopWaitingForClock();
  }

  private void stopWaitingForClock() {
    roomEntryDeadlineUs = Long.MIN_VALUE;
    cancel(roomEntryTimer);
    roomEntryTimer = null;
  }

  private boolean clockReadyForRoom() {
    long now = clock.nowMicros();
    if (roomEntryDeadlineUs != Long.MIN_VALUE && now >= roomEntryDeadlineUs) {
      return true;
    }
    return clockSync.estimate(now).map(ClockEstimate::converged).orElse(false);
  }

  private void awaitClockForRoom() {
    if (roomEntryDeadlineUs != Long.MIN_VALUE) {
      return;
    }
    roomEntryDeadlineUs = clock.nowMicros() + ROOM_ENTRY_CLOCK_WAIT_US;
    roomEntryTimer =
        scheduler.scheduleAt(
            roomEntryDeadlineUs, () -> actor.execute(this::roomEntryClockWaitOver));
  }

  /** The room entry has waited long enough for the clock: send it with what the clock knows. */
  private void roomEntryClockWaitOver() {
    // A timer of an earlier wait, or of an earlier connection, may still fire.
    if (roomEntryDeadlineUs == Long.MIN_VALUE || clock.nowMicros() < roomEntryDeadlineUs
        || outbox == null || !welcomed) {
      return;
    }
    roomEntryTimer = null;
    log.warn("no converged clock estimate {} ms after asking to enter a room ({}): entering anyway",
        ROOM_ENTRY_CLOCK_WAIT_US / 1000,
        clockSync.estimate(clock.nowMicros())
            .map(e -> e.sampleCount() + " clock samples")
            .orElse("no clock sample"));
    sendWaitingRequests();
  }

  private void send(ClientMessage message) {
    outbox.send(codec.encode(message));
  }

  private void connected(int id, Session session) {
    if (closed) {
      session.close(CloseCode.NORMAL, "session closed");
      return;
    }
    if (outbox != null) {
      outbox.closeNow(CloseCode.NORMAL, "replaced by a new connection");
    }
    connection = id;
    outbox = new Outbox(session, executor, 256, 1 << 20);
    welcomed = false;
    send(
        new Hello(
            Message.PROTOCOL_VERSION, clientName, name, currentToken(),
            Optional.ofNullable(resumeToken), OptionalLong.empty()));
  }

  private Optional<String> currentToken() {
    try {
      return Objects.requireNonNull(token.get(), "token supplier returned null");
    } catch (RuntimeException e) {
      // The server answers a missing token with a clear error; the session must not die here.
      log.warn("no access token for hello: {}", e.toString());
      return Optional.empty();
    }
  }

  private void disconnected(int id, CloseCode code, String reason) {
    if (id != connection || outbox == null) {
      return;
    }
    outbox.closeNow(CloseCode.NORMAL, "closed");
    outbox = null;
    welcomed = false;
    cancel(clockTimer);
    stopWaitingForClock();
    publish();
    log.info("disconnected ({} {}); the player keeps following the last timeline",
        code.code(), reason);
    listener.onDisconnected(code, reason);
  }

  private void receive(String text, long receivedAt) {
    ServerMessage message;
    try {
      message = codec.decodeFromServer(text);
    } catch (ProtocolException unreadable) {
      log.warn("ignoring a server message: {}", unreadable.toString());
      return;
    }
    if (message instanceof ClockResponse response) {
      ClockSample sample =
          new ClockSample(response.t0Us(), response.t1Us(), response.t2Us(), receivedAt);
      SampleOutcome outcome = clockSync.addSample(sample);
      lastEstimate = clockSync.estimate(receivedAt);
      if (outcome != SampleOutcome.INVALID && outcome != SampleOutcome.UNSOLICITED) {
        lastEstimate.ifPresent(estimate -> deliveryDelays.add(sample, estimate));
      }
      if (landingOnClock && lastEstimate.isPresent()) {
        land(current);
      }
      if (!waitingRequests.isEmpty()) {
        sendWaitingRequests();
      }
    } else if (message instanceof Welcome welcome) {
      welcomed(welcome);
    } else if (message instanceof RoomState state) {
      roomState(state);
    } else if (message instanceof TimelineUpdate update) {
      timelineReceived(update);
    } else if (message instanceof Members list) {
      ownerId = list.ownerId();
      members = list.members();
      listener.onMembers(list);
    } else if (message instanceof Wait wait) {
      waitingFor = wait.waitingFor();
      listener.onWait(wait);
    } else if (message instanceof ErrorMessage error) {
      log.info("server error {}: {}", error.code().wireName(), error.message());
      listener.onError(error);
    } else if (message instanceof SwarmPeers peers) {
      listener.onSwarmPeers(peers);
    }
    publish();
  }

  private void welcomed(Welcome welcome) {
    if (!welcome.resumed()) {
      leftRoom();
    }
    welcomed = true;
    memberId = welcome.memberId();
    resumeToken = welcome.resume();
    // A new connection may take another path: start the estimate over with a burst.
    clockSync = policy.newClock();
    deliveryDelays.clear();
    scheduleClockRequest();
    listener.onWelcome(welcome);
    // The clock starts over, and so does a room entry's wait for it.
    stopWaitingForClock();
    sendWaitingRequests();
  }

  private void leftRoom() {
    roomCode = null;
    ownerId = null;
    members = List.of();
    waitingFor = List.of();
  }

  private void scheduleClockRequest() {
    cancel(clockTimer);
    clockTimer =
        scheduler.scheduleAt(
            clockSync.nextRequestAtUs(), () -> actor.execute(this::sendClockRequest));
  }

  private void sendClockRequest() {
    if (outbox == null || !welcomed || closed) {
      return;
    }
    long t0 = clock.nowMicros();
    send(new ClockRequest(t0));
    clockSync.requestSent(t0);
    scheduleClockRequest();
  }

  private void roomState(RoomState state) {
    roomCode = state.code();
    ownerId = state.ownerId();
    members = state.members();
    waitingFor = state.waitingFor();
    if (!state.media().equals(media)) {
      media = state.media();
      player.mediaChanged(media);
    }
    listener.onRoomState(state);
    // The snapshot replaces what we knew, whatever its version.
    pending.headMap(state.timeline().version(), true).clear();
    land(state.timeline());
  }

  /**
   * Lands on a timeline from a snapshot. One whose anchor is still ahead is a command in flight
   * whose predecessor we never saw: wait for it paused at its start, then apply it on time.
   */
  private void land(Timeline timeline) {
    OptionalLong now = serverNow();
    if (now.isPresent() && timeline.anchorUs() > now.getAsLong() + DUE_SLACK_US) {
      landingOnClock = false;
      player.pause();
      holdUntilTimeline(-1);
      align(timeline, timeline.anchorUs(), 0);
      pending.put(timeline.version(), timeline);
      scheduleActivation();
    } else {
      apply(timeline);
    }
  }

  private void timelineReceived(TimelineUpdate update) {
    Timeline timeline = update.timeline();
    if (current != null && timeline.version() <= current.version()) {
      return;
    }
    pending.put(timeline.version(), timeline);
    listener.onTimelineReceived(update);
    scheduleActivation();
  }

  private void scheduleActivation() {
    cancel(activationTimer);
    activationTimer = null;
    if (pending.isEmpty()) {
      return;
    }
    long anchor = pending.firstEntry().getValue().anchorUs();
    long at = lastEstimate.map(estimate -> estimate.toLocalTime(anchor)).orElse(clock.nowMicros());
    activationTimer = scheduler.scheduleAt(at, () -> actor.execute(this::activateDue));
  }

  private void activateDue() {
    OptionalLong serverNow = serverNow();
    while (!pending.isEmpty()) {
      Timeline next = pending.firstEntry().getValue();
      if (serverNow.isPresent() && next.anchorUs() > serverNow.getAsLong() + DUE_SLACK_US) {
        break;
      }
      pending.pollFirstEntry();
      if (current == null || next.version() > current.version()) {
        apply(next);
      }
    }
    publish();
    scheduleActivation();
  }

  private OptionalLong serverNow() {
    long now = clock.nowMicros();
    lastEstimate = clockSync.estimate(now);
    return lastEstimate.map(e -> OptionalLong.of(e.toServerTime(now))).orElse(OptionalLong.empty());
  }

  /** The timeline takes effect now: put the player where it says, in the state it says. */
  private void apply(Timeline timeline) {
    current = timeline;
    drift.reset();
    OptionalLong now = serverNow();
    if (!timeline.paused() && now.isEmpty()) {
      // Joining a playing room before the first clock sample: wait for it rather than land on a
      // guess and seek twice.
      landingOnClock = true;
      holdUntilTimeline(-1);
      player.pause();
      return;
    }
    landingOnClock = false;
    follow(timeline, Math.max(now.orElse(timeline.anchorUs()), timeline.anchorUs()));
    listener.onTimelineApplied(timeline);
  }

  /** Puts the player where {@code timeline} is at {@code serverTime}, in the state it says. */
  private void follow(Timeline timeline, long serverTime) {
    if (timeline.paused()) {
      long heldAtUs = holdingAtUs;
      holdUntilTimeline(-1);
      player.pause();
      if (align(timeline, serverTime, 0).isEmpty() && heldAtUs >= 0) {
        // Still held where a seek sent it (the room paused during the head start): start from
        // there when the room has resumed and reached it, not at once and off by the difference.
        holdingAtUs = heldAtUs;
      }
      offsetUs = player.positionUs() - timeline.positionUs();
      return;
    }
    player.setRate(timeline.rate());
    // A seek takes a varying time: aim well ahead, hold still there, and start when the timeline
    // arrives, rather than guess the landing time and be off by the guess's error.
    long measured = player.seekLatencyUs();
    long latency = measured > 0 ? measured : ASSUMED_SEEK_LATENCY_US;
    long headStart = Math.round(SEEK_HEAD_START * latency * timeline.rate());
    OptionalLong landing = align(timeline, serverTime, headStart);
    if (landing.isPresent()) {
      player.pause();
      holdUntilTimeline(landing.getAsLong());
    } else if (holdingAtUs >= 0) {
      holdUntilTimeline(holdingAtUs);
    } else {
      player.play();
    }
  }

  /**
   * Seeks the player to where {@code course} is at {@code serverTime} (plus {@code aheadUs}),
   * unless it is there already or its seek in flight heads for the same place: seeking again would
   * only restart the wait, so the position is checked once that seek has landed.
   *
   * @return where the player was sent, if it was
   */
  private OptionalLong align(Timeline course, long serverTime, long aheadUs) {
    long target = Math.max(0, course.positionAt(serverTime));
    if (seekingFor != null && player.state() == PlayerState.BUFFERING
        && Math.abs(Math.max(0, seekingFor.positionAt(serverTime)) - target) <= snapUs()) {
      seekingFor = course;
      realignAfterSeek = true;
      return OptionalLong.empty();
    }
    if (Math.abs(player.positionUs() - target) <= snapUs()) {
      return OptionalLong.empty();
    }
    player.seek(target + aheadUs + keptAheadUs());
    seekingFor = course;
    realignAfterSeek = false;
    return OptionalLong.of(target + aheadUs);
  }

  /** Within this of a timeline's position, the player needs no seek. */
  long snapUs() {
    return SNAP_TOLERANCE_US + positionStepUs();
  }

  /**
   * Where the drift controller keeps the player's media relative to the timeline: a player that
   * reports frame starts reads half a step behind its media, and the controller keeps what it
   * reads on the timeline. Seeks land there, or every member corrects by half a frame after every
   * seek, each at its own pace.
   */
  private long keptAheadUs() {
    return positionStepUs() / 2;
  }

  /** The player's position step: as it reports it, else as observed while it played. */
  private long positionStepUs() {
    long reported = player.positionStepUs();
    return reported > 0 ? reported : granularity.granularityUs();
  }

  /**
   * Keeps the player paused at {@code positionUs} and starts it when the current (playing)
   * timeline reaches that position; a negative position ends any such hold.
   */
  private void holdUntilTimeline(long positionUs) {
    cancel(startTimer);
    startTimer = null;
    holdingAtUs = positionUs;
    if (positionUs < 0 || current == null || current.paused()) {
      return;
    }
    startTimer = scheduler.scheduleAt(startOfHold(), () -> actor.execute(this::startHeldPlayer));
  }

  /** Local time at which the current timeline reaches the held position, on the latest estimate. */
  private long startOfHold() {
    long startServerUs =
        current.anchorUs()
            + (long) Math.ceil((holdingAtUs - current.positionUs()) / current.rate());
    return lastEstimate
        .map(estimate -> estimate.toLocalTime(startServerUs))
        .orElse(clock.nowMicros());
  }

  /**
   * The timeline has reached where the player holds: play. The clock estimate has improved since
   * the start was scheduled (a member that just joined had one clock sample then): if it now puts
   * the start later, wait for it. A seek still in flight (it took longer than the head start)
   * lands late: its position is checked again once it has landed.
   */
  private void startHeldPlayer() {
    startTimer = null;
    if (holdingAtUs < 0 || current == null || current.paused()) {
      return;
    }
    lastEstimate = clockSync.estimate(clock.nowMicros());
    long startAt = startOfHold();
    if (startAt > clock.nowMicros() + DUE_SLACK_US) {
      startTimer = scheduler.scheduleAt(startAt, () -> actor.execute(this::startHeldPlayer));
      return;
    }
    holdingAtUs = -1;
    if (seekingFor != null && player.state() == PlayerState.BUFFERING) {
      realignAfterSeek = true;
    }
    drift.reset();
    player.play();
    publish();
  }

  /** The session's seek has landed: if a timeline took effect meanwhile, check the position. */
  private void seekLanded() {
    seekingFor = null;
    if (!realignAfterSeek) {
      return;
    }
    realignAfterSeek = false;
    OptionalLong now = serverNow();
    if (current != null && !landingOnClock && now.isPresent()) {
      follow(current, Math.max(now.getAsLong(), current.anchorUs()));
      drift.reset();
    }
  }

  private void tick() {
    if (closed) {
      return;
    }
    long now = clock.nowMicros();
    PlayerState state = player.state();
    if (seekingFor != null && state == PlayerState.READY) {
      seekLanded();
      state = player.state();
    }
    if (current != null && !current.paused() && !landingOnClock && holdingAtUs < 0
        && state == PlayerState.READY) {
      granularity.observe(now, player.positionUs(), player.rate());
      if (correct(now)) {
        granularity.interrupt();
      }
    } else {
      granularity.interrupt();
      if (current != null && current.paused()) {
        offsetUs = player.positionUs() - current.positionUs();
      }
    }
    if (state != reportedState || now - lastStatusAt >= statusMicros) {
      sendStatus(state, now);
    }
    publish();
    // Irregular ticks keep frame-step rounding from looking like a steady offset.
    long jitter = tickMicros / 5;
    long delay = tickMicros - jitter + random.nextLong(2 * jitter + 1);
    tickTimer = scheduler.schedule(delay, () -> actor.execute(this::tick));
  }

  /** One drift-controller tick; whether it made the player seek. */
  private boolean correct(long now) {
    Optional<ClockEstimate> estimate = clockSync.estimate(now);
    lastEstimate = estimate;
    if (estimate.isEmpty()) {
      return false;
    }
    long target = Math.max(0, current.positionAt(estimate.get().toServerTime(now)));
    DriftDecision decision =
        drift.onTick(
            new PlayerObservation(
                now, target, player.positionUs(), current.rate(), player.rate(),
                player.seekLatencyUs(), estimate.get().errorBoundUs(), positionStepUs()));
    offsetUs = decision.offsetUs();
    Correction correction = decision.correction();
    if (correction instanceof Correction.SetRate setRate) {
      player.setRate(setRate.rate());
    } else if (correction instanceof Correction.SeekTo seekTo) {
      player.seek(seekTo.positionUs());
      return true;
    }
    return false;
  }

  private void sendStatus(PlayerState state, long now) {
    if (outbox == null || !welcomed || roomCode == null) {
      return;
    }
    reportedState = state;
    lastStatusAt = now;
    long clockError = lastEstimate.map(ClockEstimate::errorBoundUs).orElse(UNKNOWN_CLOCK_ERROR_US);
    send(
        new Status(state, Math.max(0, player.bufferedAheadUs()), Math.max(0, player.positionUs()),
            offsetUs, clockError, deliveryDelays.largestUs()));
  }

  private void publish() {
    snapshot =
        new ParticipantSnapshot(
            outbox != null && welcomed,
            Optional.ofNullable(memberId),
            Optional.ofNullable(roomCode),
            Optional.ofNullable(ownerId),
            members,
            Optional.ofNullable(current),
            media,
            waitingFor,
            lastEstimate.map(ClockEstimate::errorBoundUs).orElse(-1L),
            offsetUs);
  }

  private static void cancel(TaskScheduler.Cancellable timer) {
    if (timer != null) {
      timer.cancel();
    }
  }

  /**
   * Builds a {@link ParticipantSession}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private final PlayerAdapter player;
    private TaskScheduler scheduler;
    private Executor executor;
    private SyncPolicy policy = SyncerDriftPolicy.defaults();
    private ParticipantListener listener = new ParticipantListener() {};
    private RandomGenerator random = new SplittableRandom();
    private String clientName = "syncer-java/0.1";
    private Optional<String> name = Optional.empty();
    private Supplier<Optional<String>> token = Optional::empty;
    private long tickMicros = 100_000;
    private long statusMicros = 1_000_000;

    private Builder(PlayerAdapter player) {
      this.player = Objects.requireNonNull(player, "player");
    }

    /**
     * Timers and, with them, the local clock the session and its player run on (default: a daemon
     * timer thread on the system clock). Give an emulated clock to model another machine, a
     * {@link io.syncer.core.schedule.VirtualScheduler} for virtual time.
     */
    public Builder scheduler(TaskScheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Where the session's work runs (default: the common fork-join pool). */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** How time is kept and drift corrected (default: {@link SyncerDriftPolicy#defaults()}). */
    public Builder policy(SyncPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    public Builder listener(ParticipantListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Display name asked for in {@code hello}. */
    public Builder name(String name) {
      this.name = Optional.of(name);
      return this;
    }

    /**
     * A fixed access token for {@code hello}, once accounts are in use. Access tokens expire (the
     * reference server's after 15 minutes), so a session that may reconnect later should use
     * {@link #tokens(Supplier)} instead.
     */
    public Builder token(String token) {
      Optional<String> fixed = Optional.of(token);
      this.token = () -> fixed;
      return this;
    }

    /**
     * Where the access token for each {@code hello} comes from: asked once per connection, on the
     * session's executor, so a reconnect presents a token that is valid then (renew it in the
     * supplier when it is about to expire). Empty sends no token; a supplier that throws is logged
     * and treated as empty.
     */
    public Builder tokens(Supplier<Optional<String>> tokens) {
      this.token = Objects.requireNonNull(tokens, "tokens");
      return this;
    }

    /** Client software name sent in {@code hello} (default {@code syncer-java/0.1}). */
    public Builder clientName(String clientName) {
      this.clientName = Objects.requireNonNull(clientName, "clientName");
      return this;
    }

    /** Source of tick jitter; seed it for repeatable simulations. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Mean interval between player checks, µs (default 100 ms, jittered ±20%). */
    public Builder tickMicros(long micros) {
      if (micros < 5) {
        throw new IllegalArgumentException("tick too short: " + micros);
      }
      this.tickMicros = micros;
      return this;
    }

    /** Interval between periodic {@code status} reports, µs (default 1 s). */
    public Builder statusMicros(long micros) {
      this.statusMicros = micros;
      return this;
    }

    public ParticipantSession build() {
      if (executor == null) {
        executor = java.util.concurrent.ForkJoinPool.commonPool();
      }
      if (scheduler == null) {
        scheduler = TaskScheduler.of(DefaultTimer.INSTANCE.executor, MicroClock.system());
      }
      return new ParticipantSession(this);
    }
  }
}
