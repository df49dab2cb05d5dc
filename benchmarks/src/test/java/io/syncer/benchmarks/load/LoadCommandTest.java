package io.syncer.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncer.benchmarks.client.RoomServerThreads;
import io.syncer.core.room.RoomLimits;
import io.syncer.server.SyncerServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load command: refuses what it must not do, and measures a small real run. */
class LoadCommandTest {

  @TempDir Path dir;

  private static int runCapturingErrors(ByteArrayOutputStream errors, String... args) {
    PrintStream original = System.err;
    System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    try {
      return LoadCommand.run(args);
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void refusesAnythingButLoopbackAndUnboundedRuns() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    assertThat(runCapturingErrors(errors, "--url", "ws://192.0.2.1:8470/ws/v1")).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("loopback");

    errors.reset();
    assertThat(runCapturingErrors(errors, "--url", "http://127.0.0.1:8470/ws/v1")).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("ws://");

    errors.reset();
    assertThat(runCapturingErrors(
        errors, "--url", "ws://127.0.0.1:8470/ws/v1", "--clients", "1000000")).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--clients");

    errors.reset();
    assertThat(runCapturingErrors(
        errors, "--url", "ws://127.0.0.1:8470/ws/v1", "--minutes", "600")).isEqualTo(2);
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--minutes");
  }

  @Test
  void holdsEveryClientAndMeasuresTheFanOutOfARealServer() throws Exception {
    RoomServerThreads threads = new RoomServerThreads(RoomLimits.defaults());
    SyncerServer server =
        SyncerServer.builder().host("127.0.0.1").port(0).rooms(threads.rooms()).build().start();
    Path json = dir.resolve("load.json");
    try {
      int exit =
          LoadCommand.run(new String[] {
            "--url", server.webSocketUri().toString(), "--clients", "12", "--rooms", "3",
            "--minutes", "0.06", "--warmup", "0.5", "--command-interval", "1",
            "--json", json.toString()
          });
      assertThat(exit).isZero();
    } finally {
      server.stop();
      threads.close();
    }
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    assertThat(figures.get("connectionsHeldAtEnd").asInt()).isEqualTo(12);
    assertThat(figures.get("serverConnections").asInt()).isEqualTo(12);
    assertThat(figures.get("serverRooms").asInt()).isEqualTo(3);
    assertThat(figures.get("failures").size()).isZero();
    assertThat(figures.get("commandDeliveries").asInt()).isGreaterThan(0);
    assertThat(figures.get("fanOutP50Ms").asDouble()).isPositive();
    assertThat(figures.get("messagesSentPerSecond").asDouble()).isPositive();
  }
}
