package io.syncer.core.room;

import io.syncer.core.internal.Outbox;
import io.syncer.core.internal.SerialExecutor;
import io.syncer.core.internal.TokenBucket;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.LeaveRoom;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.OwnerCommand;
import io.syncer.protocol.message.Request;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.SwarmAnnounce;
import io.syncer.protocol.message.Welcome;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: an actor that checks and answers session-level messages ({@code hello},
 * clock, rate limits, create/join/leave) and forwards room messages to its room's actor. Its
 * fields are touched only by tasks of {@link #actor}.
 */
final class Connection implements SessionListener {

  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  /** The listener for a connection refused at the door. */
  static final SessionListener IGNORE =
      new SessionListener() {
        @Override
        public void onText(String text) {}

        @Override
        public void onRejected(Rejection rejection) {}

        @Override
        public void onClosed(CloseCode code, String reason) {}
      };

  private enum Phase {
    AWAITING_HELLO,
    ACTIVE,
    CLOSED
  }

  /** The quiet clock schedule (PROTOCOL.md §10.2) with room to spare: 10 at once, one every 2 s. */
  private static final int QUIET_CLOCK_BURST = 10;
  private static final int QUIET_CLOCK_REQUESTS_PER_MINUTE = 30;

  private final RoomServer server;
  final Outbox outbox;
  private final SerialExecutor actor;
  private final TokenBucket messages;
  private final TokenBucket failedJoins;
  private final TokenBucket creations;
  private final TokenBucket quietClockRequests;

  private Phase phase = Phase.AWAITING_HELLO;
  private int violations;
  private TaskScheduler.Cancellable helloTimer;
  private String sessionId;
  private String memberId;
  private String name;
  private Ticket ticket;
  private String resumeToken;
  /** The room this connection is in, or was in when it dropped (kept for a resume). */
  private Room room;

  Connection(RoomServer server, Session session) {
    this.server = server;
    RoomLimits limits = server.limits;
    this.outbox =
        new Outbox(session, server.pool, limits.sendQueueMessages(), limits.sendQueueBytes());
    this.actor = server.newActor();
    long now = server.clock.nowMicros();
    this.messages =
        TokenBucket.perSecond(limits.messageBurst(), limits.messagesPerSecond(), now);
    this.failedJoins =
        TokenBucket.perMinute(limits.failedJoinBurst(), limits.failedJoinsPerMinute(), now);
    this.creations =
        TokenBucket.perMinute(limits.roomCreationBurst(), limits.roomCreationsPerMinute(), now);
    this.quietClockRequests =
        TokenBucket.perMinute(QUIET_CLOCK_BURST, QUIET_CLOCK_REQUESTS_PER_MINUTE, now);
  }

  void start() {
    actor.execute(
        () ->
            helloTimer =
                server.scheduler.schedule(
                    RoomLimits.micros(server.limits.helloTimeout()),
                    () -> actor.execute(this::helloTimedOut)));
  }

  void execute(Runnable task) {
    actor.execute(task);
  }

  String memberId() {
    return memberId;
  }

  Session session() {
    return outbox.session();
  }

  // ---- transport callbacks (any thread) ----

  @Override
  public void onText(String text) {
    long receivedAt = server.clock.nowMicros();
    ClientMessage message;
    try {
      message = server.codec.decodeFromClient(text);
    } catch (ProtocolException refused) {
      actor.execute(() -> refuse(refused));
      return;
    }
    actor.execute(() -> handle(message, receivedAt));
  }

  @Override
  public void onRejected(Rejection rejection) {
    ProtocolException refused =
        rejection == Rejection.TOO_LARGE
            ? new ProtocolException(
                ErrorCode.TOO_LARGE,
                "message larger than " + server.limits.maxMessageBytes() + " bytes")
            : new ProtocolException(ErrorCode.BAD_MESSAGE, "only text messages carry the protocol");
    actor.execute(() -> refuse(refused));
  }

  @Override
  public void onClosed(CloseCode code, String reason) {
    actor.execute(() -> closed(code));
  }

  // ---- actor ----

  void send(ServerMessage message) {
    outbox.send(server.codec.encode(message));
  }

  void sendError(ErrorCode code, String text, OptionalLong rid) {
    send(new ErrorMessage(code, text, rid));
  }

  private void refuse(ProtocolException refused) {
    if (phase == Phase.CLOSED) {
      return;
    }
    log.info("session {}: refused a message: {}", session().id(), refused.toString());
    send(refused.toErrorMessage());
    switch (refused.code()) {
      case TOO_LARGE -> outbox.closeAfterFlush(CloseCode.TOO_LARGE, "message too large");
      case BAD_MESSAGE, UNSUPPORTED_VERSION ->
          outbox.closeAfterFlush(CloseCode.POLICY_VIOLATION, refused.code().wireName());
      default -> violation();
    }
  }

  private void violation() {
    if (++violations > server.limits.maxViolations()) {
      log.warn("session {}: {} refused messages, closing it", session().id(), violations);
      outbox.closeAfterFlush(CloseCode.POLICY_VIOLATION, "too many refused messages");
    }
  }

  /**
   * Answers at once while the request fits the quiet schedule or the server-wide allowance for
   * more; otherwise leaves it unanswered, which tells the client to keep to the quiet schedule
   * (PROTOCOL.md §10.1).
   */
  private void clockRequest(ClockRequest request, long receivedAt) {
    if (quietClockRequests.tryTake(receivedAt) || server.takeExtraClockRequest(receivedAt)) {
      send(new ClockResponse(request.t0Us(), receivedAt, server.clock.nowMicros()));
    }
  }

  private void handle(ClientMessage message, long receivedAt) {
    if (phase == Phase.CLOSED) {
      return;
    }
    OptionalLong rid = message instanceof Request request ? request.rid() : OptionalLong.empty();
    if (!messages.tryTake(receivedAt)) {
      sendError(ErrorCode.RATE_LIMITED, "slow down: too many messages", rid);
      violation();
      return;
    }
    if (message instanceof Hello hello) {
      hello(hello);
      return;
    }
    if (phase != Phase.ACTIVE) {
      sendError(ErrorCode.UNAUTHORIZED, "send hello first", rid);
      violation();
      return;
    }
    if (message instanceof ClockRequest request) {
      clockRequest(request, receivedAt);
    } else if (message instanceof CreateRoom create) {
      createRoom(create);
    } else if (message instanceof JoinRoom join) {
      joinRoom(join);
    } else if (message instanceof LeaveRoom leave) {
      leaveRoom(leave);
    } else if (message instanceof OwnerCommand command) {
      Room current = inRoom(command.rid());
      if (current != null) {
        current.execute(() -> current.command(memberId, this, command));
      }
    } else if (message instanceof Status status) {
      // A status racing a leave is harmless: drop it rather than answer with an error.
      Room current = room;
      if (current != null) {
        current.execute(() -> current.status(memberId, this, status));
      }
    } else if (message instanceof SwarmAnnounce announce) {
      Room current = inRoom(OptionalLong.empty());
      if (current != null) {
        current.execute(() -> current.announce(memberId, this, announce));
      }
    } else {
      sendError(ErrorCode.UNKNOWN_TYPE, "not a client message: " + message.type().wireName(), rid);
    }
  }

  private Room inRoom(OptionalLong rid) {
    if (room == null) {
      sendError(ErrorCode.NOT_IN_ROOM, "join or create a room first", rid);
    }
    return room;
  }

  private void hello(Hello hello) {
    if (phase == Phase.ACTIVE) {
      sendError(ErrorCode.INVALID_ARGUMENT, "hello was already received", hello.rid());
      violation();
      return;
    }
    if (hello.protocol() != Message.PROTOCOL_VERSION) {
      refuse(
          new ProtocolException(
              ErrorCode.UNSUPPORTED_VERSION,
              "this server speaks protocol " + Message.PROTOCOL_VERSION,
              hello.rid()));
      return;
    }
    Optional<Principal> principal = server.authenticator.authenticate(hello.token(), hello.name());
    if (principal.isEmpty()) {
      log.info("session {}: hello refused by the authenticator", session().id());
      sendError(ErrorCode.UNAUTHORIZED, "invalid or missing credentials", hello.rid());
      violation();
      return;
    }
    Ticket resumed = hello.resume().map(server.tickets::get).orElse(null);
    if (resumed != null
        && !(resumed.principal().accountId().equals(principal.get().accountId())
            && server.tickets.remove(hello.resume().get(), resumed))) {
      resumed = null;
    }
    cancelHelloTimer();
    sessionId = server.ids.sessionId();
    if (resumed != null) {
      memberId = resumed.memberId();
      name = resumed.name();
    } else {
      memberId = server.ids.memberId();
      name =
          principal.get().displayName()
              .or(hello::name)
              .orElse("Guest " + memberId.substring(memberId.length() - 4).toUpperCase());
    }
    resumeToken = server.ids.resumeToken();
    ticket = new Ticket(memberId, name, principal.get(), this);
    server.tickets.put(resumeToken, ticket);
    phase = Phase.ACTIVE;
    send(
        new Welcome(
            Message.PROTOCOL_VERSION,
            sessionId,
            memberId,
            name,
            resumeToken,
            server.clock.nowMicros(),
            server.limits.maxMessageBytes(),
            resumed != null));
    log.info(
        "session {}: member {} ({}) {}", session().id(), memberId, name,
        resumed != null ? "resumed" : "arrived");
    if (resumed != null) {
      Connection previous = resumed.connection();
      previous.execute(() -> previous.handOver(this));
    }
  }

  /** Runs on the connection an identity was resumed from: gives its room to the new one. */
  private void handOver(Connection next) {
    Room previousRoom = room;
    room = null;
    if (phase != Phase.CLOSED) {
      phase = Phase.CLOSED;
      server.forget(this);
      outbox.closeNow(CloseCode.NORMAL, "session resumed on another connection");
    }
    next.execute(() -> next.adoptRoom(previousRoom));
  }

  private void adoptRoom(Room previousRoom) {
    if (previousRoom == null) {
      return;
    }
    room = previousRoom;
    previousRoom.execute(() -> previousRoom.reattach(memberId, this));
    if (phase == Phase.CLOSED) {
      // This connection dropped before the room reached it: the room must know, or it would
      // wait on a dead connection.
      previousRoom.execute(() -> previousRoom.disconnect(memberId, this));
    }
  }

  private void createRoom(CreateRoom create) {
    if (room != null) {
      sendError(ErrorCode.ALREADY_IN_ROOM, "leave the current room first", create.rid());
      return;
    }
    if (!creations.tryTake(server.clock.nowMicros())) {
      sendError(ErrorCode.RATE_LIMITED, "too many rooms created; wait a minute", create.rid());
      violation();
      return;
    }
    Room created = server.newRoom();
    if (created == null) {
      log.warn("session {}: room limit of {} reached", session().id(), server.limits.maxRooms());
      sendError(ErrorCode.RATE_LIMITED, "this server has too many rooms; try later", create.rid());
      return;
    }
    room = created;
    log.info("member {} created room {}", memberId, created.code);
    created.execute(() -> created.join(memberId, name, this, create.rid()));
  }

  private void joinRoom(JoinRoom join) {
    if (room != null) {
      sendError(ErrorCode.ALREADY_IN_ROOM, "leave the current room first", join.rid());
      return;
    }
    long now = server.clock.nowMicros();
    // Once the failed-join budget is spent no code is looked up at all, so guessing learns nothing.
    if (!failedJoins.hasToken(now)) {
      log.warn("session {}: too many failed joins", session().id());
      sendError(ErrorCode.RATE_LIMITED, "too many failed join attempts; wait a minute", join.rid());
      violation();
      return;
    }
    Room target = server.rooms.get(join.code());
    if (target == null) {
      failedJoins.tryTake(now);
      sendError(ErrorCode.ROOM_NOT_FOUND, "no room has this code", join.rid());
      return;
    }
    room = target;
    target.execute(() -> target.join(memberId, name, this, join.rid()));
  }

  private void leaveRoom(LeaveRoom leave) {
    Room current = inRoom(leave.rid());
    if (current != null) {
      room = null;
      current.execute(() -> current.leave(memberId, this));
    }
  }

  /** The room dropped this connection's member (join refused, grace expired, room closed). */
  void roomGone(Room gone) {
    if (room == gone) {
      room = null;
    }
  }

  private void helloTimedOut() {
    if (phase == Phase.AWAITING_HELLO) {
      log.info("session {}: no hello in time, closing", session().id());
      sendError(ErrorCode.UNAUTHORIZED, "no hello in time", OptionalLong.empty());
      outbox.closeAfterFlush(CloseCode.POLICY_VIOLATION, "no hello in time");
    }
  }

  private void cancelHelloTimer() {
    if (helloTimer != null) {
      helloTimer.cancel();
      helloTimer = null;
    }
  }

  private void closed(CloseCode code) {
    outbox.closeNow(CloseCode.NORMAL, "closed");
    if (phase == Phase.CLOSED) {
      return;
    }
    boolean hadIdentity = phase == Phase.ACTIVE;
    phase = Phase.CLOSED;
    server.forget(this);
    cancelHelloTimer();
    log.info("session {} closed ({}){}", session().id(), code.code(),
        memberId != null ? ", member " + memberId : "");
    if (room != null) {
      Room current = room;
      current.execute(() -> current.disconnect(memberId, this));
    }
    if (hadIdentity) {
      Ticket mine = ticket;
      String token = resumeToken;
      server.scheduler.schedule(
          RoomLimits.micros(server.limits.resumeGrace()),
          () -> server.tickets.remove(token, mine));
    }
  }

  /** The server is shutting down. */
  void shutdown() {
    actor.execute(
        () -> {
          if (phase != Phase.CLOSED) {
            outbox.closeAfterFlush(CloseCode.GOING_AWAY, "server shutting down");
          }
        });
  }
}
