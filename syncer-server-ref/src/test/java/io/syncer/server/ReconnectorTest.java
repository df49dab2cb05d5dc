package io.syncer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.jakarta.JakartaReconnector;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.SimulatedPlayer;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.message.Welcome;
import io.syncer.protocol.time.MicroClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.Test;

class ReconnectorTest {

  @Test
  void aDroppedParticipantComesBackAsTheSameMemberInItsRoom() throws Exception {
    ClientManager container = ClientManager.createClient();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Welcome> welcomes = new CopyOnWriteArrayList<>();
    List<Session> transports = new CopyOnWriteArrayList<>();
    try (SyncerServer server = SyncerServer.builder().port(0).build().start()) {
      ParticipantSession session =
          ParticipantSession.builder(new SimulatedPlayer(MicroClock.system(), 100_000))
              .name("Ana")
              .scheduler(TaskScheduler.of(timers, MicroClock.system()))
              .executor(threads)
              .listener(
                  new ParticipantListener() {
                    @Override
                    public void onWelcome(Welcome welcome) {
                      welcomes.add(welcome);
                    }
                  })
              .build();
      JakartaReconnector link =
          JakartaReconnector.start(
              container, server.webSocketUri(),
              transport -> {
                transports.add(transport);
                SessionListener listener = session.open(transport);
                return listener;
              },
              JakartaOptions.defaults(), TaskScheduler.of(timers, MicroClock.system()), threads);
      session.createRoom();
      awaitTrue(() -> session.snapshot().roomCode().isPresent());
      String code = session.snapshot().roomCode().orElseThrow();

      transports.get(0).close(CloseCode.GOING_AWAY, "network gone");
      awaitTrue(() -> welcomes.size() == 2 && session.snapshot().connected());
      assertThat(welcomes.get(1).resumed()).isTrue();
      assertThat(welcomes.get(1).memberId()).isEqualTo(welcomes.get(0).memberId());
      awaitTrue(() -> session.snapshot().roomCode().isPresent());
      assertThat(session.snapshot().roomCode()).contains(code);
      assertThat(session.snapshot().isOwner()).isTrue();
      assertThat(link.isConnected()).isTrue();

      link.close();
      session.close();
      awaitTrue(() -> !link.isConnected());
    } finally {
      container.shutdown();
      timers.shutdownNow();
      threads.shutdownNow();
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
