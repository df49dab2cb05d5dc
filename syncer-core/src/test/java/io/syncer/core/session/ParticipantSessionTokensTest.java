package io.syncer.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.room.Principal;
import io.syncer.core.room.RoomLimits;
import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.transport.MemoryTransport;
import io.syncer.protocol.time.ManualClock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Access tokens expire: every connection's hello must carry the token that is valid then. */
class ParticipantSessionTokensTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(5_000_000_000L));
  private final List<String> presented = new ArrayList<>();
  private final RoomServer server =
      RoomServer.builder()
          .scheduler(scheduler)
          .executor(scheduler)
          .random(new Random(3))
          .limits(RoomLimits.defaults())
          .authenticator(
              (token, name) -> {
                token.ifPresent(presented::add);
                return token
                    .filter(t -> t.startsWith("valid-"))
                    .map(t -> new Principal(Optional.of("account-1"), name));
              })
          .build();
  private ParticipantSession session;

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
    server.close();
    scheduler.advanceBy(1_000_000);
  }

  private MemoryTransport.Link connect() {
    return MemoryTransport.connect(
        server, session, scheduler, 5_000, new InetSocketAddress("127.0.0.1", 50_000));
  }

  private void startSession(Supplier<Optional<String>> tokens) {
    EmulatedClock clock = new EmulatedClock(scheduler, 0, 0);
    session =
        ParticipantSession.builder(new SimulatedPlayer(clock, 100_000))
            .name("Alice")
            .scheduler(clock)
            .executor(scheduler)
            .tokens(tokens)
            .build();
  }

  @Test
  void aReconnectAsksTheSupplierAgainAndPresentsTheFreshToken() {
    AtomicInteger issued = new AtomicInteger();
    startSession(() -> Optional.of("valid-" + issued.incrementAndGet()));

    MemoryTransport.Link first = connect();
    scheduler.advanceBy(1_000_000);
    assertThat(session.snapshot().connected()).isTrue();
    first.kill();
    scheduler.advanceBy(1_000_000);
    assertThat(session.snapshot().connected()).isFalse();
    connect();
    scheduler.advanceBy(1_000_000);

    assertThat(presented).containsExactly("valid-1", "valid-2");
    assertThat(session.snapshot().connected()).isTrue();
  }

  @Test
  void aFailingSupplierSendsNoTokenInsteadOfKillingTheSession() {
    startSession(
        () -> {
          throw new IllegalStateException("refresh failed: server unreachable");
        });

    connect();
    scheduler.advanceBy(1_000_000);

    assertThat(presented).isEmpty();
    assertThat(session.snapshot().connected())
        .as("a hello without a token is refused by this server")
        .isFalse();
  }
}
