package io.syncer.server.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.SimulatedPlayer;
import io.syncer.protocol.time.MicroClock;
import io.syncer.server.SyncerServer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The README's "Embed Syncer" examples do what the README says. */
class EmbedExamplesTest {

  @AfterAll
  static void closeRooms() {
    SyncerWebSocketApplication.ROOMS.close();
  }

  @Test
  void theApplicationServesTheProtocolAtWsV1() {
    ServerEndpointConfig config =
        new SyncerWebSocketApplication().getEndpointConfigs(java.util.Set.of()).iterator().next();
    assertThat(config.getPath()).isEqualTo("/ws/v1");
    assertThat(config.getSubprotocols()).containsExactly(JakartaOptions.SUBPROTOCOL);
    assertThat(new SyncerWebSocketApplication().getAnnotatedEndpointClasses(java.util.Set.of()))
        .isEmpty();
  }

  /** A player that records what Syncer asked of it. */
  static final class FakeVideoPlayer implements WatchTogether.MyVideoPlayer {
    volatile boolean playing;
    volatile long position;
    volatile double speed = 1.0;

    @Override
    public long currentTimeMillis() {
      return position;
    }

    @Override
    public void play() {
      playing = true;
    }

    @Override
    public void pause() {
      playing = false;
    }

    @Override
    public void seekMillis(long position) {
      this.position = position;
    }

    @Override
    public void setSpeed(double speed) {
      this.speed = speed;
    }

    @Override
    public double speed() {
      return speed;
    }

    @Override
    public boolean isStalled() {
      return false;
    }

    @Override
    public long bufferedMillis() {
      return 10_000;
    }
  }

  @Test
  void yourPlayerFollowsTheOwner() throws Exception {
    ClientManager container = ClientManager.createClient();
    try (SyncerServer server = SyncerServer.builder().port(0).build().start()) {
      ParticipantSession owner =
          ParticipantSession.builder(new SimulatedPlayer(MicroClock.system(), 100_000))
              .name("Owner").build();
      JakartaClient.connect(container, server.webSocketUri(), owner, JakartaOptions.defaults());
      owner.createRoom();
      awaitTrue(() -> owner.snapshot().roomCode().isPresent());

      FakeVideoPlayer mine = new FakeVideoPlayer();
      ParticipantSession session =
          WatchTogether.join(container, server.webSocketUri(),
              owner.snapshot().roomCode().orElseThrow(), "Ana", mine);
      awaitTrue(() -> owner.snapshot().members().size() == 2);
      owner.seek(42_000_000);
      owner.play();
      awaitTrue(() -> mine.playing);
      assertThat(mine.position).isGreaterThanOrEqualTo(42_000);
      session.close();
      owner.close();
    } finally {
      container.shutdown();
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
