package io.syncer.benchmarks.sim;

import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.clock.ClockEstimate;
import io.syncer.protocol.clock.ClockSample;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.drift.Correction;
import io.syncer.protocol.drift.DriftController;
import io.syncer.protocol.drift.DriftDecision;
import io.syncer.protocol.drift.PlayerObservation;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.Welcome;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One simulated viewer: a device clock, a player, and a {@link SyncPolicy}'s clock strategy and
 * drift controller, speaking the wire protocol to the real room authority through a simulated
 * network.
 *
 * <p>It keeps clock sync running on the strategy's schedule; once the estimate has converged it
 * reports {@code ready}; it applies each {@code timeline} at the local time its estimate gives for
 * the timeline's execute-at time (a discontinuity by seeking, compensated by the player's measured
 * seek latency); while playing it feeds the drift controller every 100 ms ± 20 ms and applies its
 * corrections; it sends {@code status} every second.
 *
 * <p>Thread-safety: not thread-safe; everything runs on the simulation's virtual scheduler.
 */
final class SimulatedParticipant implements SessionAcceptor, SessionListener {

  static final long TICK_INTERVAL_US = 100_000;
  static final long TICK_DITHER_US = 20_000;
  static final long STATUS_INTERVAL_US = 1_000_000;
  /** A position difference beyond this at a timeline change is closed by seeking. */
  static final long JUMP_THRESHOLD_US = 1_000_000;
  /** Buffered media a simulated player reports: the simulation has no buffering. */
  static final long BUFFERED_AHEAD_US = 60_000_000;

  private static final MessageCodec CODEC = MessageCodec.create();

  /** What the simulation learns from a participant. */
  interface Observer {
    void roomCreated(String code);

    void timeline(Timeline timeline);

    void applied(int participant, long version, TimelineCause cause, long trueUs);

    void correctiveSeek(int participant, long trueUs, boolean converged);

    void protocolError(int participant, String description);
  }

  final int index;
  private final TaskScheduler scheduler;
  private final DeviceClock clock;
  private final SimulatedPlayer player;
  private final ClockStrategy clockSync;
  private final DriftController controller;
  private final SplittableRandom random;
  private final Observer observer;
  private final boolean owner;
  private Session session;
  private Supplier<String> roomCode = () -> null;
  private boolean inRoom;
  private boolean ready;
  private Timeline applied;
  private boolean started;
  private DriftDecision lastDecision;

  SimulatedParticipant(
      int index,
      SyncPolicy policy,
      TaskScheduler scheduler,
      DeviceClock clock,
      SimulatedPlayer player,
      SplittableRandom random,
      Observer observer,
      boolean owner) {
    this.index = index;
    this.scheduler = scheduler;
    this.clock = clock;
    this.player = player;
    this.clockSync = policy.newClock();
    this.controller = policy.newController();
    this.random = random;
    this.observer = observer;
    this.owner = owner;
  }

  /**
   * Where a member learns the room's code (the owner creates the room instead); null until the
   * owner's room exists.
   */
  void roomCode(Supplier<String> code) {
    this.roomCode = code;
  }

  SimulatedPlayer player() {
    return player;
  }

  /** Whether the player has been started on the room's timeline. */
  boolean started() {
    return started;
  }

  /** Whether the drift controller last said the player is in sync and settled. */
  boolean controllerConverged() {
    return lastDecision != null && lastDecision.converged();
  }

  /** Sends a message to the server (the owner's commands come through here). */
  void send(ClientMessage message) {
    session.sendText(CODEC.encode(message), failure -> {});
  }

  // ---- transport ----

  @Override
  public SessionListener open(Session opened) {
    this.session = opened;
    scheduler.schedule(0, () -> send(new Hello("syncer-sim/1")));
    return this;
  }

  @Override
  public void onText(String text) {
    ServerMessage message;
    try {
      message = CODEC.decodeFromServer(text);
    } catch (ProtocolException e) {
      observer.protocolError(index, "undecodable: " + e.getMessage());
      return;
    }
    if (message instanceof Welcome) {
      requestClock();
      enterRoom();
    } else if (message instanceof ClockResponse response) {
      clockSync.addSample(
          new ClockSample(response.t0Us(), response.t1Us(), response.t2Us(), clock.nowMicros()));
      becomeReadyIfSynced();
    } else if (message instanceof RoomState state) {
      inRoom = true;
      if (owner) {
        observer.roomCreated(state.code());
      }
      observer.timeline(state.timeline());
      schedule(state.timeline(), null);
      becomeReadyIfSynced();
    } else if (message instanceof TimelineUpdate update) {
      observer.timeline(update.timeline());
      schedule(update.timeline(), update.cause());
    } else if (message instanceof ErrorMessage error) {
      observer.protocolError(index, error.code().wireName() + ": " + error.message());
    }
  }

  @Override
  public void onRejected(Rejection rejection) {
    observer.protocolError(index, "rejected: " + rejection);
  }

  @Override
  public void onClosed(CloseCode code, String reason) {
    observer.protocolError(index, "closed: " + code + " " + reason);
  }

  private void enterRoom() {
    String code = roomCode.get();
    if (owner) {
      send(new CreateRoom());
    } else if (code != null) {
      send(new JoinRoom(code));
    } else {
      scheduler.schedule(STATUS_INTERVAL_US / 10, this::enterRoom);
    }
  }

  // ---- clock ----

  private void requestClock() {
    long now = clock.nowMicros();
    if (now >= clockSync.nextRequestAtUs()) {
      send(new ClockRequest(now));
      clockSync.requestSent(now);
    }
    scheduler.scheduleAt(Math.max(now + 1, clockSync.nextRequestAtUs()), this::requestClock);
  }

  private Optional<ClockEstimate> estimate() {
    return clockSync.estimate(clock.nowMicros());
  }

  private void becomeReadyIfSynced() {
    if (ready || !inRoom) {
      return;
    }
    Optional<ClockEstimate> estimate = estimate();
    if (estimate.isEmpty() || !estimate.get().converged()) {
      return;
    }
    ready = true;
    sendStatus();
    scheduler.schedule(0, this::tick);
    if (applied != null) {
      apply(applied, null);
    }
  }

  private void sendStatus() {
    long now = clock.nowMicros();
    long clockError = estimate().map(ClockEstimate::errorBoundUs).orElse(0L);
    long offset = lastDecision != null ? lastDecision.offsetUs() : 0;
    send(new Status(PlayerState.READY, BUFFERED_AHEAD_US, Math.max(0, player.reportedPositionUs()),
        offset, clockError));
    scheduler.scheduleAt(now + STATUS_INTERVAL_US, this::sendStatus);
  }

  // ---- timeline ----

  /**
   * Applies {@code timeline} at the local time the clock estimate gives for its anchor; {@code
   * cause} is null for the snapshot a member gets on joining.
   */
  private void schedule(Timeline timeline, TimelineCause cause) {
    Optional<ClockEstimate> estimate = estimate();
    if (!ready || estimate.isEmpty()) {
      applied = timeline;
      return;
    }
    long localAnchor = estimate.get().toLocalTime(timeline.anchorUs());
    scheduler.scheduleAt(localAnchor, () -> apply(timeline, cause));
  }

  private void apply(Timeline timeline, TimelineCause cause) {
    if (applied != null && applied.version() > timeline.version()) {
      return;
    }
    boolean first = !started;
    applied = timeline;
    if (!ready) {
      return;
    }
    started = true;
    if (cause != null) {
      observer.applied(index, timeline.version(), cause, clock.trueNowUs());
    }
    controller.reset();
    long target = targetPositionUs(timeline);
    boolean jump =
        first
            || cause == null
            || cause == TimelineCause.SEEK
            || cause == TimelineCause.MEDIA
            || Math.abs(player.reportedPositionUs() - target) > JUMP_THRESHOLD_US;
    player.setRate(timeline.rate());
    if (timeline.paused()) {
      player.pause();
      if (Math.abs(player.reportedPositionUs() - target) >= player.model().frameStepUs()) {
        player.seek(target);
      }
    } else {
      if (jump) {
        long compensation = Math.round(player.measuredSeekLatencyUs() * timeline.rate());
        player.seek(target + compensation);
      }
      player.play();
    }
  }

  private long targetPositionUs(Timeline timeline) {
    long serverNow = estimate().map(e -> e.toServerTime(clock.nowMicros())).orElse(0L);
    return Math.max(0, timeline.positionAt(serverNow));
  }

  // ---- drift control ----

  private void tick() {
    Optional<ClockEstimate> estimate = estimate();
    if (started && applied != null && !applied.paused() && player.playing() && !player.seeking()
        && estimate.isPresent()) {
      observe(estimate.get());
    }
    long interval = TICK_INTERVAL_US - TICK_DITHER_US + random.nextLong(2 * TICK_DITHER_US + 1);
    scheduler.schedule(interval, this::tick);
  }

  private void observe(ClockEstimate estimate) {
    long now = clock.nowMicros();
    long target = Math.max(0, applied.positionAt(estimate.toServerTime(now)));
    PlayerObservation observation =
        new PlayerObservation(
            now,
            target,
            player.reportedPositionUs(),
            applied.rate(),
            player.rate(),
            player.measuredSeekLatencyUs(),
            estimate.errorBoundUs());
    DriftDecision decision = controller.onTick(observation);
    lastDecision = decision;
    Correction correction = decision.correction();
    if (correction instanceof Correction.SetRate setRate) {
      player.setRate(setRate.rate());
    } else if (correction instanceof Correction.SeekTo seekTo) {
      observer.correctiveSeek(index, clock.trueNowUs(), decision.converged());
      player.seek(seekTo.positionUs());
    }
  }
}
