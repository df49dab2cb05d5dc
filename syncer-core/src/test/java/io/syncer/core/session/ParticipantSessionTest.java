package io.syncer.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.room.RoomLimits;
import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.transport.MemoryTransport;
import io.syncer.protocol.clock.ClockEstimate;
import io.syncer.protocol.clock.ClockSample;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.clock.SampleOutcome;
import io.syncer.protocol.drift.DriftController;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.drift.SyncerDriftPolicy;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.time.ManualClock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Participants with different clocks, skews, latencies and seek times, a room server, all on one
 * virtual time line: the players must follow the owner together.
 */
class ParticipantSessionTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(5_000_000_000L));
  private final RoomServer server =
      RoomServer.builder().scheduler(scheduler).executor(scheduler).random(new Random(3))
          .limits(RoomLimits.defaults()).build();
  private final List<Participant> participants = new ArrayList<>();

  @AfterEach
  void close() {
    participants.forEach(p -> p.session.close());
    server.close();
    scheduler.advanceBy(1_000_000);
  }

  /** One simulated machine. */
  private final class Participant {
    final EmulatedClock clock;
    final SimulatedPlayer player;
    final ParticipantSession session;
    final List<Object> heard = new ArrayList<>();
    MemoryTransport.Link link;
    final long delayUs;

    Participant(String name, long offsetUs, double skewPpm, long delayUs, long seekLatencyUs) {
      this(name, offsetUs, skewPpm, delayUs, seekLatencyUs, 0);
    }

    /** One whose adapter reports frame starts, {@code frameUs} apart, and says so if positive. */
    Participant(String name, long offsetUs, double skewPpm, long delayUs, long seekLatencyUs,
        long frameUs) {
      this(name, offsetUs, skewPpm, delayUs, seekLatencyUs, frameUs, SyncerDriftPolicy.defaults());
    }

    Participant(String name, long offsetUs, double skewPpm, long delayUs, long seekLatencyUs,
        long frameUs, SyncPolicy policy) {
      this.delayUs = delayUs;
      clock = new EmulatedClock(scheduler, offsetUs, skewPpm);
      player = new SimulatedPlayer(clock, seekLatencyUs);
      session =
          ParticipantSession.builder(frameUs > 0 ? new FramePlayer(player, frameUs) : player)
              .name(name)
              .scheduler(clock)
              .executor(scheduler)
              .random(new SplittableRandom(name.hashCode()))
              .policy(policy)
              .listener(
                  new ParticipantListener() {
                    @Override
                    public void onTimelineReceived(TimelineUpdate update) {
                      heard.add(update);
                    }

                    @Override
                    public void onError(ErrorMessage error) {
                      heard.add(error);
                    }
                  })
              .build();
      connect();
      participants.add(this);
    }

    void connect() {
      link =
          MemoryTransport.connect(
              server, session, scheduler, delayUs, new InetSocketAddress("127.0.0.1", 50_000));
    }

    /** Server time now, as the test (which sees every clock) knows it. */
    long truePositionError(Timeline timeline) {
      return player.positionUs() - timeline.positionAt(scheduler.clock().nowMicros());
    }
  }

  /** A player that reports the start of the frame on screen, and its frame duration. */
  private record FramePlayer(SimulatedPlayer media, long frameUs) implements PlayerAdapter {
    @Override
    public long positionUs() {
      return Math.floorDiv(media.positionUs(), frameUs) * frameUs;
    }

    @Override
    public long positionStepUs() {
      return frameUs;
    }

    @Override
    public void play() {
      media.play();
    }

    @Override
    public void pause() {
      media.pause();
    }

    @Override
    public void seek(long positionUs) {
      media.seek(positionUs);
    }

    @Override
    public void setRate(double rate) {
      media.setRate(rate);
    }

    @Override
    public double rate() {
      return media.rate();
    }

    @Override
    public io.syncer.protocol.message.PlayerState state() {
      return media.state();
    }

    @Override
    public long bufferedAheadUs() {
      return media.bufferedAheadUs();
    }

    @Override
    public long seekLatencyUs() {
      return media.seekLatencyUs();
    }
  }

  /**
   * Syncer's policy behind a server that answers no clock requests: every response is dropped
   * before the estimator sees it.
   */
  private static final SyncPolicy UNANSWERED_CLOCK =
      new SyncPolicy() {
        private final SyncPolicy syncer = SyncerDriftPolicy.defaults();

        @Override
        public String name() {
          return "unanswered-clock";
        }

        @Override
        public ClockStrategy newClock() {
          ClockStrategy clock = syncer.newClock();
          return new ClockStrategy() {
            @Override
            public long nextRequestAtUs() {
              return clock.nextRequestAtUs();
            }

            @Override
            public void requestSent(long t0Us) {
              clock.requestSent(t0Us);
            }

            @Override
            public SampleOutcome addSample(ClockSample sample) {
              return SampleOutcome.UNSOLICITED;
            }

            @Override
            public Optional<ClockEstimate> estimate(long localNowUs) {
              return clock.estimate(localNowUs);
            }
          };
        }

        @Override
        public DriftController newController() {
          return syncer.newController();
        }
      };

  /** Bob, who asks to join {@code code} as soon as he is created, {@code delayUs} each way. */
  private Participant bobAskingToJoin(String code, long delayUs, SyncPolicy policy) {
    Participant bob = new Participant("Bob", 0, 0, delayUs, 300_000, 0, policy);
    bob.session.joinRoom(code);
    return bob;
  }

  private Participant alice() {
    return new Participant("Alice", -3_000_000, -150, 5_000, 200_000);
  }

  private void run(long micros) {
    scheduler.advanceBy(micros);
  }

  private String createRoom(Participant owner) {
    owner.session.createRoom();
    run(500_000);
    return owner.session.snapshot().roomCode().orElseThrow();
  }

  private Participant join(String code, String name, long offsetUs, double skewPpm, long delayUs,
      long seekUs) {
    Participant member = new Participant(name, offsetUs, skewPpm, delayUs, seekUs);
    run(200_000);
    member.session.joinRoom(code);
    run(500_000);
    assertThat(member.session.snapshot().roomCode()).contains(code);
    return member;
  }

  private Timeline roomTimeline(Participant any) {
    return any.session.snapshot().timeline().orElseThrow();
  }

  /** Largest distance between any two players' positions, every 100 ms for {@code micros}. */
  private long[] spreadSamples(long micros) {
    int samples = (int) (micros / 100_000);
    long[] spreads = new long[samples];
    for (int i = 0; i < samples; i++) {
      run(100_000);
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (Participant p : participants) {
        long position = p.player.positionUs();
        min = Math.min(min, position);
        max = Math.max(max, position);
      }
      spreads[i] = max - min;
    }
    return spreads;
  }

  private static long percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  }

  @Test
  void threeMachinesFollowTheOwnerThroughPlaySeekAndPause() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = join(code, "Bob", 0, 0, 20_000, 300_000);
    Participant carol = join(code, "Carol", 5_000_000, 150, 40_000, 150_000);
    run(3_000_000);
    assertThat(alice.session.snapshot().isOwner()).isTrue();
    assertThat(bob.session.snapshot().members()).hasSize(3);

    alice.session.play();
    run(2_000_000);
    for (Participant p : participants) {
      assertThat(p.player.playing()).as(p.session.snapshot().memberId() + " playing").isTrue();
    }
    long[] playing = spreadSamples(20_000_000);
    assertThat(percentile(playing, 0.95)).as("p95 spread while playing, µs").isLessThan(10_000);

    int seeksBefore = alice.player.seeks() + bob.player.seeks() + carol.player.seeks();
    alice.session.seek(600_000_000);
    run(3_000_000);
    // One seek each: they hold at the landing point and start when the timeline arrives.
    assertThat(alice.player.seeks() + bob.player.seeks() + carol.player.seeks())
        .isEqualTo(seeksBefore + 3);
    long[] afterSeek = spreadSamples(10_000_000);
    assertThat(percentile(afterSeek, 0.95)).as("p95 spread after a seek, µs").isLessThan(10_000);
    assertThat(Math.abs(bob.truePositionError(roomTimeline(bob)))).isLessThan(10_000);

    alice.session.pause();
    run(2_000_000);
    Timeline paused = roomTimeline(alice);
    assertThat(paused.paused()).isTrue();
    for (Participant p : participants) {
      assertThat(p.player.playing()).isFalse();
      assertThat(roomTimeline(p)).isEqualTo(paused);
      assertThat(Math.abs(p.player.positionUs() - paused.positionUs()))
          .as("paused position error, µs").isLessThanOrEqualTo(p.session.snapUs());
    }
    // Everyone seeks when the owner does and buffers meanwhile: a seek, not a stall, so the room
    // does not wait for anybody.
    assertThat(carol.heard).filteredOn(TimelineUpdate.class::isInstance)
        .extracting(u -> ((TimelineUpdate) u).cause())
        .containsExactly(TimelineCause.PLAY, TimelineCause.SEEK, TimelineCause.PAUSE);
  }

  @Test
  void aLateJoinerLandsOnTheRunningTimelineWithoutMovingAnyoneElse() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = join(code, "Bob", 0, 0, 20_000, 300_000);
    run(3_000_000);
    alice.session.play();
    run(30_000_000);
    int aliceTimelines = alice.heard.size();
    int bobSeeks = bob.player.seeks();

    Participant dave = join(code, "Dave", 2_000_000, 80, 30_000, 250_000);
    run(5_000_000);
    Timeline timeline = roomTimeline(dave);
    assertThat(timeline.paused()).isFalse();
    assertThat(Math.abs(dave.truePositionError(timeline))).as("late joiner error, µs")
        .isLessThan(10_000);
    assertThat(dave.player.positionUs()).isGreaterThan(30_000_000);
    assertThat(dave.player.seeks()).as("seeks to land").isEqualTo(1);
    assertThat(alice.heard).hasSize(aliceTimelines);
    assertThat(bob.player.seeks()).isEqualTo(bobSeeks);
    assertThat(bob.player.playing()).isTrue();
  }

  @Test
  void aLateJoinerThatReportsFramesLandsHalfAFrameAheadWhereItIsKept() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    run(200_000);
    alice.session.play();
    run(30_000_000);

    Participant dave = new Participant("Dave", 2_000_000, 80, 30_000, 250_000, 40_000);
    run(200_000);
    dave.session.joinRoom(code);
    // Landed and playing, but not yet long enough for a correction of half a frame.
    run(2_500_000);
    assertThat(dave.player.playing()).isTrue();
    Timeline timeline = roomTimeline(dave);
    // It reads frame starts, half a frame behind its media on average, and is kept where its
    // readings are on the timeline: its first seek lands there, before it has seen a frame step.
    assertThat(dave.player.seeks()).as("seeks to land").isEqualTo(1);
    assertThat(dave.truePositionError(timeline)).as("media ahead of the timeline, µs")
        .isBetween(15_000L, 25_000L);
    run(20_000_000);
    assertThat(dave.truePositionError(timeline)).as("media ahead of the timeline, µs")
        .isBetween(15_000L, 25_000L);
    assertThat(dave.player.seeks()).isEqualTo(1);
  }

  @Test
  void aStalledPlayerPausesTheRoomUntilItIsReady() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = join(code, "Bob", 0, 0, 20_000, 300_000);
    run(3_000_000);
    alice.session.play();
    run(5_000_000);

    bob.player.stall(true);
    run(2_000_000);
    assertThat(alice.player.playing()).isFalse();
    assertThat(alice.session.snapshot().waitingFor())
        .containsExactly(bob.session.snapshot().memberId().orElseThrow());
    long heldAt = alice.player.positionUs();
    run(3_000_000);
    assertThat(alice.player.positionUs()).isEqualTo(heldAt);

    bob.player.stall(false);
    run(3_000_000);
    assertThat(alice.player.playing()).isTrue();
    assertThat(alice.session.snapshot().waitingFor()).isEmpty();
    assertThat(alice.heard).filteredOn(TimelineUpdate.class::isInstance)
        .extracting(u -> ((TimelineUpdate) u).cause())
        .containsExactly(TimelineCause.PLAY, TimelineCause.WAIT, TimelineCause.RESUME);
    long[] spread = spreadSamples(5_000_000);
    assertThat(percentile(spread, 0.95)).isLessThan(10_000);
  }

  @Test
  void aDroppedParticipantResumesAsOwnerAndKeepsPlaying() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = join(code, "Bob", 0, 0, 20_000, 300_000);
    run(3_000_000);
    alice.session.play();
    run(5_000_000);

    alice.link.kill();
    run(2_000_000);
    assertThat(alice.session.snapshot().connected()).isFalse();
    assertThat(alice.player.playing()).isTrue();
    alice.connect();
    run(3_000_000);
    assertThat(alice.session.snapshot().connected()).isTrue();
    assertThat(alice.session.snapshot().roomCode()).contains(code);
    assertThat(alice.session.snapshot().isOwner()).isTrue();

    alice.session.pause();
    run(2_000_000);
    assertThat(bob.player.playing()).isFalse();
    assertThat(alice.heard).filteredOn(ErrorMessage.class::isInstance).isEmpty();
  }

  @Test
  void commandsAreScheduledTheSlowestMeasuredDeliveryDelayAhead() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = new Participant("Bob", 0, 0, 200_000, 300_000);
    run(1_000_000);
    bob.session.joinRoom(code);
    run(5_000_000);
    assertThat(bob.session.snapshot().roomCode()).contains(code);

    long sentAt = scheduler.clock().nowMicros();
    alice.session.play();
    run(2_000_000);
    Timeline playing = roomTimeline(bob);
    long lead = playing.anchorUs() - (sentAt + alice.delayUs);
    // Bob's messages take 200 ms: the lead is that plus the 30 ms margin (and the clock error in
    // Bob's measurement), not twice Bob's clock error bound (about 430 ms).
    assertThat(lead).as("lead, µs").isBetween(230_000L, 240_000L);
    assertThat(bob.player.playing()).isTrue();
  }

  @Test
  void requestsMadeBeforeTheWelcomeAreSentOnceWelcomed() {
    Participant alice = alice();
    alice.session.createRoom();
    run(1_000_000);
    assertThat(alice.session.snapshot().roomCode()).isPresent();
    assertThat(alice.session.snapshot().isOwner()).isTrue();
  }

  @Test
  void nonOwnerCommandsComeBackAsForbidden() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = join(code, "Bob", 0, 0, 20_000, 300_000);
    long rid = bob.session.play();
    run(500_000);
    assertThat(bob.heard).filteredOn(ErrorMessage.class::isInstance)
        .extracting(e -> (ErrorMessage) e)
        .anySatisfy(e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
          assertThat(e.rid()).hasValue(rid);
        });
    assertThat(alice.player.playing()).isFalse();
  }

  @Test
  void joinRoomWaitsForAConvergedClockEstimate() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    // 50 ms each way: welcomed after 100 ms, the fourth clock sample is in after about 500 ms.
    Participant bob = bobAskingToJoin(code, 50_000, SyncerDriftPolicy.defaults());
    run(300_000);
    assertThat(bob.session.snapshot().connected()).isTrue();
    assertThat(bob.session.clockEstimate().map(ClockEstimate::converged)).contains(false);
    run(100_000);
    assertThat(bob.session.snapshot().roomCode()).as("held while the clock converges").isEmpty();
    assertThat(alice.session.snapshot().members()).hasSize(1);

    run(1_000_000);
    assertThat(bob.session.clockEstimate().map(ClockEstimate::converged)).contains(true);
    assertThat(bob.session.snapshot().roomCode()).contains(code);
    assertThat(alice.session.snapshot().members()).hasSize(2);
  }

  @Test
  void requestsMadeAfterAWaitingRoomEntryFollowItInOrder() {
    Participant alice = alice();
    alice.session.createRoom();
    alice.session.play();
    run(2_000_000);
    assertThat(alice.session.snapshot().isOwner()).isTrue();
    assertThat(roomTimeline(alice).paused()).as("play sent after create_room").isFalse();
    assertThat(alice.heard).filteredOn(ErrorMessage.class::isInstance).isEmpty();
  }

  @Test
  void aServerThatAnswersNoClockRequestsDelaysTheJoinOnlyUpToTheCap() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = bobAskingToJoin(code, 20_000, UNANSWERED_CLOCK);
    run(ParticipantSession.ROOM_ENTRY_CLOCK_WAIT_US - 1_000_000);
    assertThat(bob.session.snapshot().roomCode()).isEmpty();

    run(2_000_000);
    assertThat(bob.session.clockEstimate()).isEmpty();
    assertThat(bob.session.snapshot().roomCode()).contains(code);
    assertThat(alice.session.snapshot().members()).hasSize(2);
  }

  @Test
  void leavingBeforeTheJoinWasSentWithdrawsIt() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = bobAskingToJoin(code, 20_000, UNANSWERED_CLOCK);
    run(1_000_000);
    bob.session.leaveRoom();
    run(ParticipantSession.ROOM_ENTRY_CLOCK_WAIT_US + 1_000_000);
    assertThat(bob.session.snapshot().roomCode()).isEmpty();
    assertThat(alice.session.snapshot().members()).hasSize(1);
    // Neither the join nor a leave reached the server: a leave alone would be not_in_room.
    assertThat(bob.heard).filteredOn(ErrorMessage.class::isInstance).isEmpty();

    bob.session.joinRoom(code);
    run(ParticipantSession.ROOM_ENTRY_CLOCK_WAIT_US + 1_000_000);
    assertThat(bob.session.snapshot().roomCode()).contains(code);
  }

  @Test
  void aJoinWaitingAcrossAReconnectIsSentOnceTheNewConnectionsClockConverges() {
    Participant alice = alice();
    run(200_000);
    String code = createRoom(alice);
    Participant bob = bobAskingToJoin(code, 50_000, SyncerDriftPolicy.defaults());
    run(300_000);
    bob.link.kill();
    run(1_000_000);
    assertThat(bob.session.snapshot().roomCode()).isEmpty();
    bob.connect();
    run(400_000);
    assertThat(bob.session.snapshot().roomCode()).as("the new connection's clock starts over")
        .isEmpty();
    run(1_000_000);
    assertThat(bob.session.snapshot().roomCode()).contains(code);
    assertThat(bob.heard).filteredOn(ErrorMessage.class::isInstance).isEmpty();
  }
}
