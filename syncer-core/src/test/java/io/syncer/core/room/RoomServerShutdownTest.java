package io.syncer.core.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.protocol.time.MicroClock;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A server on threads its embedder owns, stopped in the "wrong" order: threads first. */
class RoomServerShutdownTest {

  @Test
  void closingAfterTheEmbedderStoppedItsThreadsNeitherThrowsNorHangs() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    RoomServer rooms =
        RoomServer.builder()
            .scheduler(TaskScheduler.of(timer, MicroClock.system()))
            .executor(pool)
            .build();
    rooms.open(new AcceptingSession("a"));
    rooms.open(new AcceptingSession("b"));
    assertThat(rooms.connectionCount()).isEqualTo(2);

    timer.shutdownNow();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThatCode(rooms::close).doesNotThrowAnyException();
    assertThatCode(rooms::close).as("idempotent").doesNotThrowAnyException();
  }

  private record AcceptingSession(String id) implements Session {
    @Override
    public Optional<InetSocketAddress> remoteAddress() {
      return Optional.of(new InetSocketAddress("127.0.0.1", 40_000));
    }

    @Override
    public void sendText(String text, Consumer<Throwable> completion) {
      completion.accept(null);
    }

    @Override
    public void close(CloseCode code, String reason) {}
  }
}
