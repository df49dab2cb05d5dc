package io.syncer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.PlayerAdapter;
import io.syncer.core.session.SimulatedPlayer;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.time.MicroClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Participant sessions with simulated players over real WebSockets on 127.0.0.1. */
class ParticipantsOverWebSocketTest {

  private static final MicroClock CLOCK = MicroClock.system();

  private static SyncerServer server;
  private static ClientManager clients;
  private static ScheduledExecutorService timers;
  private static ExecutorService pool;
  private final List<Participant> participants = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server =
        SyncerServer.builder().port(0).rooms(RoomServer.builder().clock(CLOCK).build()).build()
            .start();
    clients = ClientManager.createClient();
    timers = Executors.newSingleThreadScheduledExecutor();
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    server.stop();
    clients.shutdown();
    timers.shutdownNow();
    pool.shutdownNow();
  }

  @AfterEach
  void leave() throws Exception {
    for (Participant p : participants) {
      p.session.close();
      if (p.connection.isOpen()) {
        p.connection.close();
      }
    }
  }

  /** The simulated player, plus when (server time, as the session estimates it) it paused. */
  private static final class RecordingPlayer implements PlayerAdapter {
    final SimulatedPlayer player = new SimulatedPlayer(CLOCK, 100_000);
    volatile ParticipantSession session;
    volatile long pausedAtServerUs = -1;

    @Override
    public long positionUs() {
      return player.positionUs();
    }

    @Override
    public void play() {
      player.play();
    }

    @Override
    public void pause() {
      long local = CLOCK.nowMicros();
      pausedAtServerUs =
          session.clockEstimate().map(e -> e.toServerTime(local)).orElse(local);
      player.pause();
    }

    @Override
    public void seek(long positionUs) {
      player.seek(positionUs);
    }

    @Override
    public void setRate(double rate) {
      player.setRate(rate);
    }

    @Override
    public double rate() {
      return player.rate();
    }

    @Override
    public PlayerState state() {
      return player.state();
    }

    @Override
    public long bufferedAheadUs() {
      return player.bufferedAheadUs();
    }

    @Override
    public long seekLatencyUs() {
      return player.seekLatencyUs();
    }
  }

  private final class Participant {
    final RecordingPlayer player = new RecordingPlayer();
    final AtomicInteger timelinesHeard = new AtomicInteger();
    final ParticipantSession session;
    final jakarta.websocket.Session connection;

    Participant(String name) throws Exception {
      session =
          ParticipantSession.builder(player)
              .name(name)
              .scheduler(TaskScheduler.of(timers, CLOCK))
              .executor(pool)
              .listener(
                  new ParticipantListener() {
                    @Override
                    public void onTimelineReceived(TimelineUpdate update) {
                      timelinesHeard.incrementAndGet();
                    }
                  })
              .build();
      player.session = session;
      connection =
          JakartaClient.connect(clients, server.webSocketUri(), session, JakartaOptions.defaults());
      participants.add(this);
      awaitTrue(() -> session.snapshot().connected(), name + " welcomed");
    }

    Timeline timeline() {
      return session.snapshot().timeline().orElseThrow();
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WsClient.WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }

  private String roomWith(Participant owner, Participant... members) throws Exception {
    owner.session.createRoom();
    awaitTrue(() -> owner.session.snapshot().roomCode().isPresent(), "room created");
    String code = owner.session.snapshot().roomCode().orElseThrow();
    for (Participant member : members) {
      member.session.joinRoom(code);
    }
    int size = members.length + 1;
    awaitTrue(
        () -> owner.session.snapshot().members().size() == size
            && owner.session.snapshot().members().stream()
                .allMatch(m -> m.state() == MemberState.READY),
        "everyone ready");
    return code;
  }

  @Test
  void aScheduledPauseTakesEffectForEveryoneAtItsServerTime() throws Exception {
    Participant alice = new Participant("Alice");
    Participant bob = new Participant("Bob");
    Participant carol = new Participant("Carol");
    roomWith(alice, bob, carol);

    alice.session.play();
    awaitTrue(() -> participants.stream().allMatch(p -> p.player.player.playing()), "all play");
    Thread.sleep(1_000);
    alice.session.pause();
    awaitTrue(
        () -> participants.stream().allMatch(p -> !p.player.player.playing()), "all paused");

    Timeline paused = alice.timeline();
    assertThat(paused.paused()).isTrue();
    for (Participant p : participants) {
      assertThat(p.timeline()).isEqualTo(paused);
      // Not on receipt but at the execute-at time (the anchor lies at least 120 ms after the
      // owner's click); the lower bound allows the clock estimate's error on loopback.
      assertThat(p.player.pausedAtServerUs).isGreaterThan(paused.anchorUs() - 5_000);
      assertThat(Math.abs(p.player.positionUs() - paused.positionUs()))
          .isLessThanOrEqualTo(20_000);
    }
  }

  @Test
  void aLateJoinerLandsOnTheRoomsPositionWithoutMovingTheOthers() throws Exception {
    Participant alice = new Participant("Alice");
    Participant bob = new Participant("Bob");
    String code = roomWith(alice, bob);
    alice.session.play();
    awaitTrue(() -> bob.player.player.playing(), "bob plays");
    Thread.sleep(2_000);
    int aliceHeard = alice.timelinesHeard.get();
    int bobSeeks = bob.player.player.seeks();

    Participant dave = new Participant("Dave");
    dave.session.joinRoom(code);
    awaitTrue(() -> dave.player.player.playing() && dave.player.state() == PlayerState.READY,
        "dave plays");
    Thread.sleep(1_000);

    Timeline timeline = dave.timeline();
    long position = dave.player.positionUs();
    long serverNow = dave.session.clockEstimate().orElseThrow().toServerTime(CLOCK.nowMicros());
    assertThat(position).isGreaterThan(2_000_000);
    assertThat(Math.abs(position - timeline.positionAt(serverNow)))
        .as("late joiner's distance from the room, µs").isLessThan(50_000);
    assertThat(alice.timelinesHeard.get()).isEqualTo(aliceHeard);
    assertThat(bob.player.player.seeks()).isEqualTo(bobSeeks);
    assertThat(bob.player.player.playing()).isTrue();
  }
}
