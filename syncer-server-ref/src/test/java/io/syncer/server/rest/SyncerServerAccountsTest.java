package io.syncer.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.protocol.time.MicroClock;
import io.syncer.server.SyncerServer;
import io.syncer.server.storage.ServerStorage;
import io.syncer.server.storage.StorageOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wiring the reference server uses: the REST API mounted on the {@link SyncerServer} next to
 * the WebSocket endpoint, one port, and the access token from {@code POST /sessions}
 * authenticating a WebSocket {@code hello}.
 */
class SyncerServerAccountsTest {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDirectory;
  private ServerStorage storage;
  private SyncerServer server;
  private ScheduledExecutorService timers;
  private ExecutorService roomThreads;

  @BeforeEach
  void start() throws Exception {
    Clock clock = Clock.systemUTC();
    storage = ServerStorage.open(StorageOptions.embedded(dataDirectory),
        new FakeTorrentInspector(), MovieSharing.none(), clock);
    RestApi rest = new RestApi(storage.accounts(), storage.library(), clock);
    // Room threads of the test's own: stopped after the server, so a session that closes while
    // the server shuts down still finds its timers running.
    timers = Executors.newSingleThreadScheduledExecutor();
    roomThreads = Executors.newFixedThreadPool(2);
    server = SyncerServer.builder().port(0)
        .httpHandler(RestApi.CONTEXT_PATH, rest.httpHandler())
        .rooms(RoomServer.builder()
            .scheduler(TaskScheduler.of(timers, MicroClock.system()))
            .executor(roomThreads)
            .authenticator(storage.roomAuthenticator())
            .build())
        .build().start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.stop();
    storage.close();
    timers.shutdownNow();
    roomThreads.shutdown();
    assertThat(roomThreads.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
  }

  private JsonNode post(String path, String json) throws Exception {
    var response = HTTP.send(HttpRequest.newBuilder(server.httpUri().resolve(path))
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json))
        .timeout(Duration.ofSeconds(20)).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return JSON.readTree(response.body());
  }

  @Test
  void aTokenFromTheRestApiOpensARoomSessionAndNoTokenDoesNot() throws Exception {
    post("/api/v1/accounts", "{\"username\":\"alice\",\"password\":\"correct horse battery\"}");
    String token = post("/api/v1/sessions",
        "{\"username\":\"alice\",\"password\":\"correct horse battery\"}").get("accessToken")
        .asText();
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(server.webSocketUri(),
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.add(text.toString());
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(20, TimeUnit.SECONDS);
    try {
      socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"test/1\",\"rid\":1}", true)
          .get(20, TimeUnit.SECONDS);
      JsonNode refused = JSON.readTree(received.poll(20, TimeUnit.SECONDS));
      assertThat(refused.get("type").asText()).isEqualTo("error");
      assertThat(refused.get("code").asText()).isEqualTo("unauthorized");

      socket.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"test/1\",\"rid\":2,"
          + "\"name\":\"Someone\",\"token\":\"" + token + "\"}", true).get(20, TimeUnit.SECONDS);
      JsonNode welcome = JSON.readTree(received.poll(20, TimeUnit.SECONDS));
      assertThat(welcome.get("type").asText()).isEqualTo("welcome");
      assertThat(welcome.toString()).contains("\"alice\"");
    } finally {
      socket.abort();
    }
  }
}
