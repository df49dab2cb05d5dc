package io.syncer.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.MemoryTransport;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.LeaveRoom;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.Pause;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomCodes;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Seek;
import io.syncer.protocol.message.SetMedia;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.SwarmAnnounce;
import io.syncer.protocol.message.SwarmPeer;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.TransferOwner;
import io.syncer.protocol.message.Wait;
import io.syncer.protocol.message.WaitReason;
import io.syncer.protocol.message.Welcome;
import io.syncer.protocol.time.ManualClock;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room authority on virtual time over the in-memory transport. */
class RoomServerTest {

  private static final long DELAY = 10_000;
  private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

  private final VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(1_000_000_000L));
  private RoomLimits limits = RoomLimits.builder().build();
  private RoomServer server;

  private RoomServer server() {
    if (server == null) {
      server =
          RoomServer.builder()
              .scheduler(scheduler)
              .executor(scheduler)
              .limits(limits)
              .random(new Random(7))
              .build();
    }
    return server;
  }

  @AfterEach
  void closeServer() {
    if (server != null) {
      server.close();
      scheduler.advanceBy(1_000_000);
    }
  }

  private void settle() {
    scheduler.advanceBy(5 * DELAY);
  }

  private long now() {
    return scheduler.clock().nowMicros();
  }

  private record Conn(TestClient client, MemoryTransport.Link link) {}

  private Conn connect() {
    TestClient client = new TestClient();
    MemoryTransport.Link link =
        MemoryTransport.connect(
            server(), client, scheduler, DELAY, new InetSocketAddress("127.0.0.1", 40_000));
    return new Conn(client, link);
  }

  private static Hello hello(String name, Optional<String> resume) {
    return new Hello(
        Message.PROTOCOL_VERSION, "test/1", Optional.of(name), Optional.empty(), resume,
        OptionalLong.empty());
  }

  private Conn arrive(String name) {
    Conn conn = connect();
    conn.client.send(hello(name, Optional.empty()));
    settle();
    conn.client.last(Welcome.class);
    return conn;
  }

  private String create(Conn owner) {
    owner.client.send(new CreateRoom(OptionalLong.of(1)));
    settle();
    return owner.client.last(RoomState.class).code();
  }

  private void join(Conn member, String code) {
    member.client.send(new JoinRoom(code));
    settle();
    assertThat(member.client.last(RoomState.class).code()).isEqualTo(code);
  }

  private static Status status(PlayerState state) {
    return new Status(state, 5_000_000, 0, 0, 2_000);
  }

  private static String memberId(Conn conn) {
    return conn.client.last(Welcome.class).memberId();
  }

  private static Timeline lastTimeline(Conn conn) {
    return conn.client.last(TimelineUpdate.class).timeline();
  }

  @Test
  void createJoinLeaveAndMemberList() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    assertThat(RoomCodes.isValid(code)).isTrue();
    assertThat(code).hasSize(Ids.ROOM_CODE_LENGTH);
    RoomState created = alice.client.last(RoomState.class);
    assertThat(created.ownerId()).isEqualTo(memberId(alice)).isEqualTo(created.memberId());
    assertThat(created.timeline().paused()).isTrue();

    Conn bob = arrive("Bob");
    join(bob, code);
    RoomState joined = bob.client.last(RoomState.class);
    assertThat(joined.ownerId()).isEqualTo(memberId(alice));
    assertThat(joined.members()).extracting(Member::name).containsExactly("Alice", "Bob");
    assertThat(alice.client.last(Members.class).members()).hasSize(2);

    bob.client.send(new LeaveRoom(OptionalLong.empty()));
    settle();
    assertThat(alice.client.last(Members.class).members())
        .extracting(Member::name).containsExactly("Alice");
    bob.client.send(new Play());
    settle();
    assertThat(bob.client.lastError().code()).isEqualTo(ErrorCode.NOT_IN_ROOM);
  }

  @Test
  void joiningTwiceOrAnUnknownCodeIsRefused() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    alice.client.send(new JoinRoom(code, OptionalLong.of(9)));
    settle();
    assertThat(alice.client.lastError().code()).isEqualTo(ErrorCode.ALREADY_IN_ROOM);
    assertThat(alice.client.lastError().rid()).hasValue(9);

    Conn bob = arrive("Bob");
    bob.client.send(new JoinRoom("ZZZZZZZZZZ", OptionalLong.of(3)));
    settle();
    assertThat(bob.client.lastError().code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
  }

  @Test
  void nonOwnerControlIsForbiddenAndChangesNothing() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.clear();
    bob.client.clear();

    bob.client.send(new Play(OptionalLong.of(42)));
    bob.client.send(new Seek(10_000_000, OptionalLong.of(43)));
    settle();

    List<ErrorMessage> errors = bob.client.all(ErrorMessage.class);
    assertThat(errors).extracting(ErrorMessage::code)
        .containsExactly(ErrorCode.FORBIDDEN, ErrorCode.FORBIDDEN);
    assertThat(errors).extracting(e -> e.rid().getAsLong()).containsExactly(42L, 43L);
    assertThat(alice.client.all(TimelineUpdate.class)).isEmpty();
    assertThat(bob.client.all(TimelineUpdate.class)).isEmpty();
  }

  @Test
  void ownerCommandIsScheduledForEveryoneAtTheSameInstantWithIdenticalBytes() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    bob.client.send(status(PlayerState.READY));
    settle();
    String aliceId = memberId(alice);
    alice.client.clear();
    bob.client.clear();

    long sentAt = now();
    alice.client.send(new Play());
    settle();

    Timeline forAlice = lastTimeline(alice);
    assertThat(forAlice.paused()).isFalse();
    // Both reported a clock error of 2 ms (RTT 4 ms): the lead is the 120 ms floor.
    assertThat(forAlice.anchorUs()).isEqualTo(sentAt + DELAY + 120_000);
    assertThat(alice.client.receivedText).isEqualTo(bob.client.receivedText);
    assertThat(alice.client.last(TimelineUpdate.class).by()).isEqualTo(aliceId);
  }

  @Test
  void leadGrowsWithTheSlowestMembersRoundTripUpToTheCap() {
    limits = RoomLimits.builder().build();
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    bob.client.send(new Status(PlayerState.READY, 0, 0, 0, 200_000));
    settle();
    long sentAt = now();
    alice.client.send(new Play());
    settle();
    // k=2 × RTT(400 ms)/2 + 30 ms margin.
    assertThat(lastTimeline(alice).anchorUs()).isEqualTo(sentAt + DELAY + 430_000);

    bob.client.send(new Status(PlayerState.READY, 0, 0, 0, 5_000_000));
    settle();
    sentAt = now();
    alice.client.send(new Pause());
    settle();
    assertThat(lastTimeline(alice).anchorUs()).isEqualTo(sentAt + DELAY + 1_500_000);
  }

  @Test
  void leadCoversTheSlowestReportedDeliveryDelayInsteadOfTheRoundTrip() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    // A tight clock bound (RTT 4 ms) but a long delay tail: the tail decides.
    bob.client.send(new Status(PlayerState.READY, 0, 0, 0, 2_000, OptionalLong.of(350_000)));
    settle();
    long sentAt = now();
    alice.client.send(new Play());
    settle();
    // 350 ms + 30 ms margin.
    assertThat(lastTimeline(alice).anchorUs()).isEqualTo(sentAt + DELAY + 380_000);

    // A report beyond the cap cannot push every command further than the cap.
    bob.client.send(new Status(PlayerState.READY, 0, 0, 0, 2_000, OptionalLong.of(60_000_000)));
    settle();
    sentAt = now();
    alice.client.send(new Pause());
    settle();
    assertThat(lastTimeline(alice).anchorUs()).isEqualTo(sentAt + DELAY + 1_500_000);
  }

  @Test
  void positionIsContinuousAcrossCommands() {
    Conn alice = arrive("Alice");
    create(alice);
    alice.client.send(status(PlayerState.READY));
    settle();
    alice.client.send(new Play());
    settle();
    Timeline playing = lastTimeline(alice);
    scheduler.advanceBy(3_000_000);
    alice.client.send(new Pause());
    settle();
    Timeline paused = lastTimeline(alice);
    assertThat(paused.paused()).isTrue();
    assertThat(paused.version()).isGreaterThan(playing.version());
    assertThat(paused.positionUs()).isEqualTo(paused.anchorUs() - playing.anchorUs());

    alice.client.send(new Seek(42_000_000));
    settle();
    assertThat(lastTimeline(alice).positionUs()).isEqualTo(42_000_000);
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.SEEK);
  }

  @Test
  void ownershipCanBeHandedOver() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);

    alice.client.send(new TransferOwner(memberId(bob)));
    settle();
    assertThat(alice.client.last(Members.class).ownerId()).isEqualTo(memberId(bob));

    alice.client.send(new Pause(OptionalLong.of(5)));
    bob.client.send(new Seek(1_000_000));
    settle();
    assertThat(alice.client.lastError().code()).isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(lastTimeline(alice).positionUs()).isEqualTo(1_000_000);

    bob.client.send(new TransferOwner("nobody", OptionalLong.of(6)));
    settle();
    assertThat(bob.client.lastError().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void aStalledMemberMakesTheRoomWaitAndReleasesItWhenReady() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    bob.client.send(status(PlayerState.READY));
    settle();
    alice.client.send(new Play());
    settle();
    scheduler.advanceBy(2_000_000);

    bob.client.send(status(PlayerState.BUFFERING));
    settle();
    TimelineUpdate wait = alice.client.last(TimelineUpdate.class);
    assertThat(wait.cause()).isEqualTo(TimelineCause.WAIT);
    assertThat(wait.by()).isEqualTo(TimelineUpdate.BY_SERVER);
    assertThat(wait.timeline().paused()).isTrue();
    Wait waiting = alice.client.last(Wait.class);
    assertThat(waiting.waitingFor()).containsExactly(memberId(bob));
    assertThat(waiting.reason()).isEqualTo(WaitReason.BUFFERING);
    assertThat(alice.client.last(Members.class).members())
        .filteredOn(m -> m.id().equals(memberId(bob)))
        .extracting(Member::state).containsExactly(MemberState.BUFFERING);

    scheduler.advanceBy(1_000_000);
    bob.client.send(status(PlayerState.READY));
    settle();
    TimelineUpdate resume = alice.client.last(TimelineUpdate.class);
    assertThat(resume.cause()).isEqualTo(TimelineCause.RESUME);
    assertThat(resume.timeline().paused()).isFalse();
    assertThat(resume.timeline().positionUs()).isEqualTo(wait.timeline().positionUs());
    assertThat(alice.client.last(Wait.class).waitingFor()).isEmpty();
  }

  @Test
  void aStalledMemberStopsHoldingTheRoomAfterTheTimeout() {
    limits = RoomLimits.builder().stallTimeout(Duration.ofSeconds(8)).build();
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    bob.client.send(status(PlayerState.READY));
    settle();
    alice.client.send(new Play());
    settle();
    bob.client.send(status(PlayerState.BUFFERING));
    settle();
    long timeoutAt = alice.client.last(Wait.class).timeoutAtUs();
    assertThat(timeoutAt).isEqualTo(now() - 5 * DELAY + DELAY + 8_000_000);

    scheduler.advanceTo(timeoutAt - 1);
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.WAIT);
    scheduler.advanceTo(timeoutAt + 2 * DELAY);
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.RESUME);
    assertThat(alice.client.last(Wait.class).waitingFor()).isEmpty();

    // Still buffering: it does not hold the room again until it has been ready.
    bob.client.send(status(PlayerState.BUFFERING));
    settle();
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.RESUME);
  }

  @Test
  void bufferingForTheOwnersSeekHoldsTheRoomOnlyWhenTheSeekTakesTooLong() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    bob.client.send(status(PlayerState.READY));
    settle();
    alice.client.send(new Play());
    settle();
    scheduler.advanceBy(2_000_000);

    // Bob seeks at the seek's execute-at time and is ready 600 ms later: nobody waits.
    alice.client.send(new Seek(60_000_000));
    settle();
    long seekAnchor = lastTimeline(alice).anchorUs();
    scheduler.advanceTo(seekAnchor + 50_000);
    bob.client.send(status(PlayerState.BUFFERING));
    scheduler.advanceTo(seekAnchor + 600_000);
    bob.client.send(status(PlayerState.READY));
    settle();
    scheduler.advanceBy(3_000_000);
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.SEEK);
    assertThat(alice.client.all(Wait.class)).allSatisfy(w -> assertThat(w.waitingFor()).isEmpty());

    // The next seek: Bob is still buffering after twice the seek time the room saw (600 ms and
    // the status's delivery) and from then on holds the room like any stall.
    alice.client.send(new Seek(120_000_000));
    settle();
    seekAnchor = lastTimeline(alice).anchorUs();
    scheduler.advanceTo(seekAnchor + 50_000);
    bob.client.send(status(PlayerState.BUFFERING));
    scheduler.advanceTo(seekAnchor + 1_199_000);
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.SEEK);
    scheduler.advanceTo(seekAnchor + 1_200_000 + 4 * DELAY);
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.WAIT);
    assertThat(alice.client.last(Wait.class).waitingFor()).containsExactly(memberId(bob));

    bob.client.send(status(PlayerState.READY));
    settle();
    assertThat(alice.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.RESUME);
  }

  @Test
  void aMemberSeekingToCatchUpDoesNotHoldTheRoom() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    bob.client.send(status(PlayerState.READY));
    settle();
    alice.client.send(new Play());
    settle();
    alice.client.clear();
    bob.client.send(new Status(PlayerState.BUFFERING, 0, 0, -3_000_000, 2_000));
    settle();
    assertThat(alice.client.all(TimelineUpdate.class)).isEmpty();
    assertThat(alice.client.all(Wait.class)).isEmpty();
  }

  @Test
  void playWaitsForMembersThatAreStillLoading() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(status(PlayerState.READY));
    settle();
    alice.client.clear();
    alice.client.send(new Play());
    settle();
    assertThat(alice.client.all(TimelineUpdate.class)).isEmpty();
    Wait waiting = alice.client.last(Wait.class);
    assertThat(waiting.waitingFor()).containsExactly(memberId(bob));
    assertThat(waiting.reason()).isEqualTo(WaitReason.JOINING);

    bob.client.send(status(PlayerState.READY));
    settle();
    assertThat(lastTimeline(alice).paused()).isFalse();
    assertThat(alice.client.last(Wait.class).waitingFor()).isEmpty();
  }

  @Test
  void aLateJoinerGetsTheRunningTimelineAndDisturbsNobody() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    alice.client.send(status(PlayerState.READY));
    settle();
    alice.client.send(new Play());
    settle();
    Timeline playing = lastTimeline(alice);
    scheduler.advanceBy(60_000_000);
    alice.client.clear();

    Conn carol = arrive("Carol");
    join(carol, code);
    carol.client.send(status(PlayerState.BUFFERING));
    settle();
    scheduler.advanceBy(3_000_000);
    carol.client.send(status(PlayerState.READY));
    settle();

    RoomState state = carol.client.last(RoomState.class);
    assertThat(state.timeline()).isEqualTo(playing);
    assertThat(state.timeline().positionAt(now())).isGreaterThan(60_000_000);
    assertThat(alice.client.all(TimelineUpdate.class)).isEmpty();
    assertThat(alice.client.all(Wait.class)).isEmpty();
    assertThat(alice.client.last(Members.class).members()).hasSize(2);
  }

  @Test
  void aDroppedClientResumesItsIdentityRoleAndRoom() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    String aliceId = memberId(alice);
    String token = alice.client.last(Welcome.class).resume();

    alice.link.kill();
    settle();
    assertThat(bob.client.last(Members.class).members())
        .filteredOn(m -> m.id().equals(aliceId))
        .extracting(Member::state).containsExactly(MemberState.DISCONNECTED);
    assertThat(bob.client.last(Members.class).ownerId()).isEqualTo(aliceId);

    scheduler.advanceBy(30_000_000);
    Conn back = connect();
    back.client.send(hello("Alice", Optional.of(token)));
    settle();
    Welcome welcome = back.client.last(Welcome.class);
    assertThat(welcome.resumed()).isTrue();
    assertThat(welcome.memberId()).isEqualTo(aliceId);
    assertThat(welcome.resume()).isNotEqualTo(token);
    RoomState state = back.client.last(RoomState.class);
    assertThat(state.code()).isEqualTo(code);
    assertThat(state.ownerId()).isEqualTo(aliceId);

    back.client.send(new Seek(7_000_000));
    settle();
    assertThat(lastTimeline(bob).positionUs()).isEqualTo(7_000_000);
  }

  @Test
  void aResumeTakesOverAConnectionTheServerStillThinksIsAlive() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    String token = alice.client.last(Welcome.class).resume();
    Conn again = connect();
    again.client.send(hello("Alice", Optional.of(token)));
    settle();
    assertThat(again.client.last(Welcome.class).resumed()).isTrue();
    assertThat(again.client.last(RoomState.class).code()).isEqualTo(code);
    assertThat(alice.client.closedWith).isEqualTo(CloseCode.NORMAL);
    assertThat(alice.link.isClosed()).isTrue();
  }

  @Test
  void afterTheGracePeriodTheMemberIsGoneAndOwnershipPasses() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    String token = alice.client.last(Welcome.class).resume();
    alice.link.kill();
    scheduler.advanceBy(61_000_000);
    assertThat(bob.client.last(Members.class).ownerId()).isEqualTo(memberId(bob));
    assertThat(bob.client.last(Members.class).members()).hasSize(1);

    Conn late = connect();
    late.client.send(hello("Alice", Optional.of(token)));
    settle();
    assertThat(late.client.last(Welcome.class).resumed()).isFalse();
    assertThat(late.client.all(RoomState.class)).isEmpty();
  }

  @Test
  void aClientThatStopsReadingIsDroppedWithoutHoldingUpTheOthers() {
    limits = RoomLimits.builder().sendQueue(8, 100_000).build();
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    bob.link.clientReading(false);
    for (int i = 0; i < 12; i++) {
      alice.client.send(new Seek(i * 1_000_000L));
      scheduler.advanceBy(100_000);
    }
    settle();
    assertThat(bob.link.isClosed()).isTrue();
    assertThat(alice.client.all(TimelineUpdate.class)).hasSize(12);
    assertThat(alice.client.last(Members.class).members())
        .filteredOn(m -> m.id().equals(memberId(bob)))
        .extracting(Member::state).containsExactly(MemberState.DISCONNECTED);
  }

  @Test
  void floodingIsRateLimitedThenClosed() {
    limits = RoomLimits.builder().messageRate(5, 1).maxViolations(3).build();
    Conn alice = arrive("Alice");
    for (int i = 0; i < 10; i++) {
      alice.client.send(new ClockRequest(i));
    }
    settle();
    assertThat(alice.client.all(ClockResponse.class)).hasSize(4);
    assertThat(alice.client.all(ErrorMessage.class))
        .extracting(ErrorMessage::code).contains(ErrorCode.RATE_LIMITED);
    assertThat(alice.client.closedWith).isEqualTo(CloseCode.POLICY_VIOLATION);
  }

  @Test
  void guessingRoomCodesIsCutOff() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn mallory = arrive("Mallory");
    for (int i = 0; i < 5; i++) {
      mallory.client.send(new JoinRoom("ABCDEFGH" + (10 + i)));
    }
    settle();
    assertThat(mallory.client.all(ErrorMessage.class)).extracting(ErrorMessage::code)
        .containsOnly(ErrorCode.ROOM_NOT_FOUND).hasSize(5);
    mallory.client.send(new JoinRoom(code));
    settle();
    assertThat(mallory.client.lastError().code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(mallory.client.all(RoomState.class)).isEmpty();
  }

  @Test
  void clockRequestsAreAnsweredWithServerReceiveAndTransmitTimes() {
    Conn alice = arrive("Alice");
    long sentAt = now();
    alice.client.send(new ClockRequest(123));
    settle();
    ClockResponse response = alice.client.last(ClockResponse.class);
    assertThat(response.t0Us()).isEqualTo(123);
    assertThat(response.t1Us()).isEqualTo(sentAt + DELAY);
    assertThat(response.t2Us()).isEqualTo(sentAt + DELAY);
  }

  @Test
  void clockRequestsBeyondTheQuietScheduleShareAServerWideAllowance() {
    limits = RoomLimits.builder().messageRate(40, 20).extraClockRequests(3).build();
    Conn alice = arrive("Alice");
    Conn bob = arrive("Bob");
    for (int i = 0; i < 14; i++) {
      alice.client.send(new ClockRequest(i));
    }
    settle();
    // A burst of 10 fits the quiet schedule; 3 more come out of the server's allowance.
    assertThat(alice.client.all(ClockResponse.class)).hasSize(13);
    bob.client.send(new ClockRequest(100));
    bob.client.send(new ClockRequest(101));
    settle();
    assertThat(bob.client.all(ClockResponse.class)).hasSize(2);
    // Left unanswered is not a violation: the connection stays open and gets no error.
    assertThat(alice.client.all(ErrorMessage.class)).isEmpty();
    assertThat(alice.client.closedWith).isNull();
  }

  @Test
  void messagesBeforeHelloAreRefused() {
    Conn anonymous = connect();
    anonymous.client.send(new CreateRoom(OptionalLong.of(1)));
    settle();
    assertThat(anonymous.client.lastError().code()).isEqualTo(ErrorCode.UNAUTHORIZED);
    scheduler.advanceBy(11_000_000);
    assertThat(anonymous.client.closedWith).isEqualTo(CloseCode.POLICY_VIOLATION);
  }

  @Test
  void malformedAndOversizedMessagesGetAnErrorThenClose() {
    Conn bad = arrive("Bad");
    bad.client.sendRaw("{\"type\":");
    settle();
    assertThat(bad.client.lastError().code()).isEqualTo(ErrorCode.BAD_MESSAGE);
    assertThat(bad.client.closedWith).isEqualTo(CloseCode.POLICY_VIOLATION);

    Conn big = arrive("Big");
    big.client.sendRaw(
        "{\"type\":\"clock_request\",\"t0Us\":1,\"x\":\"" + "a".repeat(70_000) + "\"}");
    settle();
    assertThat(big.client.lastError().code()).isEqualTo(ErrorCode.TOO_LARGE);
    assertThat(big.client.closedWith).isEqualTo(CloseCode.TOO_LARGE);

    Conn fine = arrive("Fine");
    fine.client.sendRaw("{\"type\":\"teleport\"}");
    settle();
    assertThat(fine.client.lastError().code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    assertThat(fine.client.closedWith).isNull();
  }

  @Test
  void emptyRoomsExpire() {
    limits = RoomLimits.builder().emptyRoomTtl(Duration.ofSeconds(30)).build();
    Conn alice = arrive("Alice");
    String code = create(alice);
    alice.client.send(new LeaveRoom(OptionalLong.empty()));
    scheduler.advanceBy(20_000_000);
    assertThat(server.roomCount()).isEqualTo(1);
    scheduler.advanceBy(20_000_000);
    assertThat(server.roomCount()).isZero();
    Conn bob = arrive("Bob");
    bob.client.send(new JoinRoom(code));
    settle();
    assertThat(bob.client.lastError().code()).isEqualTo(ErrorCode.ROOM_NOT_FOUND);
  }

  @Test
  void roomAndMemberCapsAreEnforced() {
    limits = RoomLimits.builder().maxRooms(1).maxMembersPerRoom(2).build();
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    Conn carol = arrive("Carol");
    carol.client.send(new JoinRoom(code));
    settle();
    assertThat(carol.client.lastError().code()).isEqualTo(ErrorCode.ROOM_FULL);
    carol.client.send(new CreateRoom());
    settle();
    assertThat(carol.client.lastError().code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(carol.client.all(RoomState.class)).isEmpty();
  }

  @Test
  void swarmAnnouncementsReachTheWholeRoom() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    alice.client.send(new SwarmAnnounce(HASH, 6881, Optional.empty()));
    bob.client.send(new SwarmAnnounce(HASH, 6882, Optional.of("10.0.0.2")));
    settle();
    assertThat(bob.client.last(SwarmPeers.class).peers())
        .containsExactly(
            new SwarmPeer(memberId(alice), "127.0.0.1", 6881),
            new SwarmPeer(memberId(bob), "10.0.0.2", 6882));
    assertThat(alice.client.last(SwarmPeers.class).infoHash()).isEqualTo(HASH);
  }

  @Test
  void choosingMediaSendsEveryoneTheNewStatePaused() {
    Conn alice = arrive("Alice");
    String code = create(alice);
    Conn bob = arrive("Bob");
    join(bob, code);
    Media movie =
        new Media("movie-1", "A Movie", HASH, "magnet:?xt=urn:btih:" + HASH, 0,
            OptionalLong.of(5_400_000_000L), OptionalLong.empty());
    alice.client.send(new SetMedia(movie));
    settle();
    RoomState state = bob.client.last(RoomState.class);
    assertThat(state.media()).contains(movie);
    assertThat(state.timeline().mediaId()).contains("movie-1");
    assertThat(state.timeline().paused()).isTrue();
    assertThat(bob.client.last(TimelineUpdate.class).cause()).isEqualTo(TimelineCause.MEDIA);

    alice.client.send(new Seek(6_000_000_000L, OptionalLong.of(2)));
    settle();
    assertThat(alice.client.lastError().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}
