package io.syncer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.room.RoomLimits;
import io.syncer.core.room.RoomServer;
import io.syncer.core.transport.CloseCode;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.LeaveRoom;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.Pause;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Seek;
import io.syncer.protocol.message.SetMedia;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.TransferOwner;
import io.syncer.protocol.message.Wait;
import io.syncer.protocol.message.Welcome;
import io.syncer.protocol.time.MicroClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference server over real WebSockets on 127.0.0.1. */
class SyncerServerWebSocketTest {

  private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

  private static SyncerServer server;
  private static ClientManager clients;
  private static URI ws;
  private static final List<WsClient> opened = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    RoomLimits limits =
        RoomLimits.builder()
            .stallTimeout(Duration.ofSeconds(2))
            .messageRate(2_000, 2_000)
            .sendQueue(64, 256 * 1024)
            .build();
    server =
        SyncerServer.builder()
            .port(0)
            .rooms(RoomServer.builder().clock(MicroClock.system()).limits(limits).build())
            .build()
            .start();
    ws = server.webSocketUri();
    clients = ClientManager.createClient();
  }

  @AfterAll
  static void stop() throws Exception {
    for (WsClient client : opened) {
      client.close();
    }
    server.stop();
    clients.shutdown();
  }

  private static WsClient arrive(String name) throws Exception {
    WsClient client = WsClient.arrive(clients, ws, name);
    opened.add(client);
    return client;
  }

  private static String memberId(WsClient client) throws Exception {
    return client.await(Welcome.class).memberId();
  }

  private static String createRoom(WsClient owner) throws Exception {
    owner.send(new CreateRoom());
    return owner.await(RoomState.class).code();
  }

  private static void join(WsClient member, String code) throws Exception {
    member.send(new JoinRoom(code));
    member.await(RoomState.class, state -> state.code().equals(code));
  }

  private static ErrorMessage awaitError(WsClient client, long rid) throws Exception {
    return client.await(ErrorMessage.class, e -> e.rid().equals(OptionalLong.of(rid)));
  }

  @Test
  void healthAnswersWithJson() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.httpUri().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).startsWith("{\"status\":\"ok\"")
        .containsPattern("\"connections\":\\d+")
        .containsPattern("\"heapUsedBytes\":[1-9]\\d*")
        .containsPattern("\"gcMillis\":\\d+");
  }

  @Test
  void unknownPathsAnswerJsonNotFoundWithoutNamingTheServer() throws Exception {
    for (String path : List.of("/", "/nope", "/ws/v1", "/api/v2/movies?token=secret")) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.httpUri().resolve(path)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/json"));
      assertThat(response.body())
          .as(path)
          .isEqualTo("{\"code\":\"no_such_resource\",\"message\":\"No such resource on this server\"}")
          .doesNotContain("secret");
      assertThat(response.headers().firstValue("Server")).isEmpty();
    }
  }

  @Test
  void createJoinLeaveOverWebSocket() throws Exception {
    WsClient alice = arrive("Alice");
    String code = createRoom(alice);
    WsClient bob = arrive("Bob");
    join(bob, code);
    String bobId = memberId(bob);
    alice.await(Members.class, m -> m.members().size() == 2);
    bob.send(new LeaveRoom(OptionalLong.empty()));
    alice.await(
        Members.class, m -> m.members().stream().noneMatch(member -> member.id().equals(bobId)));
    assertThat(server.rooms().roomCount()).isPositive();
  }

  @Test
  void clockRequestsAreAnsweredFromTheServerClock() throws Exception {
    WsClient alice = arrive("Alice");
    long before = MicroClock.system().nowMicros();
    alice.send(new ClockRequest(77));
    ClockResponse response = alice.await(ClockResponse.class);
    long after = MicroClock.system().nowMicros();
    assertThat(response.t0Us()).isEqualTo(77);
    assertThat(response.t1Us()).isBetween(before, after);
    assertThat(response.t2Us()).isBetween(response.t1Us(), after);
  }

  @Test
  void nonOwnerControlIsRejectedAndOwnershipCanBeHandedOver() throws Exception {
    WsClient alice = arrive("Alice");
    String code = createRoom(alice);
    WsClient bob = arrive("Bob");
    join(bob, code);

    bob.send(new Play(OptionalLong.of(11)));
    assertThat(awaitError(bob, 11).code()).isEqualTo(ErrorCode.FORBIDDEN);

    alice.send(new TransferOwner(memberId(bob)));
    alice.await(Members.class, m -> m.ownerId().equals(bob.memberIdOrNull()));
    bob.send(new Seek(5_000_000, OptionalLong.of(12)));
    TimelineUpdate seek = alice.await(TimelineUpdate.class, t -> t.cause() == TimelineCause.SEEK);
    assertThat(seek.timeline().positionUs()).isEqualTo(5_000_000);
    alice.send(new Pause(OptionalLong.of(13)));
    assertThat(awaitError(alice, 13).code()).isEqualTo(ErrorCode.FORBIDDEN);
  }

  @Test
  void everyMemberReceivesAScheduledCommandBeforeItTakesEffect() throws Exception {
    WsClient alice = arrive("Alice");
    String code = createRoom(alice);
    WsClient bob = arrive("Bob");
    join(bob, code);
    WsClient carol = arrive("Carol");
    join(carol, code);
    for (WsClient member : List.of(alice, bob, carol)) {
      member.send(new Status(PlayerState.READY, 1_000_000, 0, 0, 500));
    }
    alice.await(Members.class,
        m -> m.members().stream().allMatch(member -> member.state() == MemberState.READY));
    alice.send(new Play());
    long anchor = -1;
    for (WsClient member : List.of(alice, bob, carol)) {
      TimelineUpdate play =
          member.await(TimelineUpdate.class, t -> t.cause() == TimelineCause.PLAY);
      long receivedAt =
          member.receivedAt(TimelineUpdate.class, t -> t.cause() == TimelineCause.PLAY);
      // Same JVM, same monotonic clock as the server: the command arrived before its instant.
      assertThat(receivedAt).isLessThan(play.timeline().anchorUs());
      assertThat(anchor == -1 || anchor == play.timeline().anchorUs()).isTrue();
      anchor = play.timeline().anchorUs();
    }
  }

  @Test
  void aStalledMemberMakesTheRoomWaitThenReleasesOnReadyOrTimeout() throws Exception {
    WsClient alice = arrive("Alice");
    String code = createRoom(alice);
    WsClient bob = arrive("Bob");
    join(bob, code);
    String bobId = memberId(bob);
    alice.send(new Status(PlayerState.READY, 1_000_000, 0, 0, 500));
    bob.send(new Status(PlayerState.READY, 1_000_000, 0, 0, 500));
    alice.await(Members.class,
        m -> m.members().stream().allMatch(member -> member.state() == MemberState.READY));
    alice.send(new Play());
    alice.await(TimelineUpdate.class, t -> t.cause() == TimelineCause.PLAY);

    bob.send(new Status(PlayerState.BUFFERING, 0, 0, 0, 500));
    Wait waiting = alice.await(Wait.class, w -> w.waitingFor().contains(bobId));
    assertThat(alice.await(TimelineUpdate.class, t -> t.cause() == TimelineCause.WAIT)
        .timeline().paused()).isTrue();
    bob.send(new Status(PlayerState.READY, 1_000_000, 0, 0, 500));
    assertThat(alice.await(TimelineUpdate.class, t -> t.cause() == TimelineCause.RESUME)
        .timeline().paused()).isFalse();

    // Stall again and never recover: the 2 s timeout releases the room.
    bob.send(new Status(PlayerState.BUFFERING, 0, 0, 0, 500));
    Wait second =
        alice.await(Wait.class, w -> w.waitingFor().contains(bobId) && w != waiting);
    List<TimelineUpdate> resumes =
        waitForCount(alice, TimelineCause.RESUME, 2);
    assertThat(resumes.get(1).timeline().anchorUs()).isGreaterThanOrEqualTo(second.timeoutAtUs());
  }

  private static List<TimelineUpdate> waitForCount(WsClient client, TimelineCause cause, int count)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
    while (System.nanoTime() < deadline) {
      List<TimelineUpdate> matching =
          client.all(TimelineUpdate.class).stream().filter(t -> t.cause() == cause).toList();
      if (matching.size() >= count) {
        return matching;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("fewer than " + count + " " + cause + " timelines");
  }

  @Test
  void aKilledClientReconnectsWithItsRoleAndRoom() throws Exception {
    SocketClient alice = SocketClient.connect(ws, 64 * 1024);
    alice.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"raw/1\",\"name\":\"Alice\"}");
    String welcome = alice.readTextContaining("\"welcome\"");
    String token = field(welcome, "resume");
    String aliceId = field(welcome, "memberId");
    alice.sendText("{\"type\":\"create_room\"}");
    String code = field(alice.readTextContaining("\"room_state\""), "code");
    WsClient bob = arrive("Bob");
    join(bob, code);

    alice.kill();
    bob.await(Members.class, m -> m.members().stream()
        .anyMatch(member -> member.id().equals(aliceId)
            && member.state() == MemberState.DISCONNECTED));

    WsClient back = WsClient.connect(clients, ws);
    opened.add(back);
    back.send(WsClient.hello("Alice", Optional.of(token)));
    Welcome resumed = back.await(Welcome.class);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.memberId()).isEqualTo(aliceId);
    RoomState state = back.await(RoomState.class);
    assertThat(state.code()).isEqualTo(code);
    assertThat(state.ownerId()).isEqualTo(aliceId);
    back.send(new Seek(9_000_000));
    assertThat(bob.await(TimelineUpdate.class, t -> t.cause() == TimelineCause.SEEK)
        .timeline().positionUs()).isEqualTo(9_000_000);
  }

  @Test
  void aClientThatNeverReadsIsDroppedAndDoesNotDelayTheOthers() throws Exception {
    WsClient alice = arrive("Alice");
    String code = createRoom(alice);
    WsClient bob = arrive("Bob");
    join(bob, code);
    try (SocketClient sloth = SocketClient.connect(ws, 4096)) {
      sloth.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"raw/1\",\"name\":\"Sloth\"}");
      String slothId = field(sloth.readTextContaining("\"welcome\""), "memberId");
      sloth.sendText("{\"type\":\"join_room\",\"code\":\"" + code + "\"}");
      sloth.readTextContaining("\"room_state\"");
      // From now on the sloth reads nothing. Each media change sends every member its full room
      // state (about 8 KiB); Bob gets each one while the sloth's buffers and queue fill up.
      int changes = 0;
      while (!disconnected(bob, slothId)) {
        assertThat(changes).as("media changes before the sloth was dropped").isLessThan(5_000);
        String mediaId = "movie-" + changes++;
        alice.send(new SetMedia(bigMedia(mediaId)));
        bob.await(
            RoomState.class, state -> state.timeline().mediaId().equals(Optional.of(mediaId)));
      }
      assertThat(bob.all(TimelineUpdate.class)).hasSize(changes);
    }
  }

  private static boolean disconnected(WsClient client, String memberId) {
    List<Members> lists = client.all(Members.class);
    return !lists.isEmpty()
        && lists.get(lists.size() - 1).members().stream()
            .anyMatch(m -> m.id().equals(memberId) && m.state() == MemberState.DISCONNECTED);
  }

  private static Media bigMedia(String mediaId) {
    return new Media(mediaId, mediaId, HASH,
        "magnet:?xt=urn:btih:" + HASH + "&tr=" + "x".repeat(8_000), 0,
        OptionalLong.empty(), OptionalLong.empty());
  }

  @Test
  void malformedAndOversizedFramesGetAnErrorAndACloseWhileTheServerStaysUp() throws Exception {
    WsClient garbled = arrive("Garbled");
    garbled.sendRaw("{this is not json");
    assertThat(garbled.await(ErrorMessage.class).code()).isEqualTo(ErrorCode.BAD_MESSAGE);
    assertThat(garbled.awaitClosed()).isEqualTo(CloseCode.POLICY_VIOLATION);

    WsClient big = arrive("Big");
    big.sendRaw("{\"type\":\"clock_request\",\"t0Us\":1,\"pad\":\"" + "a".repeat(100_000) + "\"}");
    assertThat(big.await(ErrorMessage.class).code()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(big.awaitClosed()).isEqualTo(CloseCode.TOO_LARGE);

    WsClient binary = arrive("Binary");
    binary.sendBinary(new byte[] {1, 2, 3});
    assertThat(binary.await(ErrorMessage.class).code()).isEqualTo(ErrorCode.BAD_MESSAGE);
    assertThat(binary.awaitClosed()).isEqualTo(CloseCode.POLICY_VIOLATION);

    WsClient huge = arrive("Huge");
    huge.sendRaw("x".repeat(3_000_000));
    // Beyond what the container buffers: Tyrus drops the connection itself.
    assertThat(huge.awaitClosed()).isIn(CloseCode.TOO_LARGE, CloseCode.INTERNAL_ERROR);

    WsClient unknown = arrive("Unknown");
    unknown.sendRaw("{\"type\":\"teleport\",\"rid\":5}");
    assertThat(awaitError(unknown, 5).code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);

    WsClient after = arrive("After");
    after.send(new CreateRoom(OptionalLong.of(1)));
    assertThat(after.await(RoomState.class).ownerId()).isEqualTo(memberId(after));
  }

  private static String field(String json, String name) {
    int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(start, json.indexOf('"', start));
  }
}
