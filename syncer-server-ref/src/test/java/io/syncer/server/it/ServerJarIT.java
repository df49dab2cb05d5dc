package io.syncer.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncer.core.store.jdbc.JdbcSettings;
import io.syncer.core.testing.PostgresTestDatabase;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against the runnable jar, as an operator runs it: register, log in, add a movie by
 * magnet and by .torrent upload, tag, rate, comment, search; stop with SIGTERM, start again, and
 * find everything still there — on embedded H2 and on PostgreSQL. Runs in {@code verify}, after
 * the shade plugin has built {@code target/syncer-server.jar}.
 */
class ServerJarIT {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("(http://\\S+) (ws://\\S+)");
  private static final String PASSWORD = "correct horse battery staple";

  @TempDir Path dataDirectory;
  private final List<Process> started = new ArrayList<>();
  private JdbcSettings postgres;

  private record RunningServer(Process process, URI http, Path log) {}

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : started) {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (postgres != null) {
      PostgresTestDatabase.dropSchema(postgres);
    }
  }

  @Test
  void libraryOnEmbeddedH2SurvivesARestart() throws Exception {
    libraryBuiltOverHttpSurvivesARestart(List.of(), Map.of());
  }

  @Test
  void libraryOnPostgresqlSurvivesARestart() throws Exception {
    postgres = PostgresTestDatabase.freshSchema();
    libraryBuiltOverHttpSurvivesARestart(
        List.of("--db-url", postgres.url(), "--db-user", postgres.user()),
        Map.of("SYNCER_DB_PASSWORD", postgres.password(), "SYNCER_DB_SCHEMA", postgres.schema()));
  }

  private void libraryBuiltOverHttpSurvivesARestart(List<String> dbArgs, Map<String, String> env)
      throws Exception {
    RunningServer first = start(dbArgs, env);
    assertThat(call(first, "POST", "/api/v1/accounts", null,
        json(Map.of("username", "alice", "password", PASSWORD))).status).isEqualTo(201);
    String token = logIn(first);

    Reply byMagnet = call(first, "POST", "/api/v1/movies", token, json(Map.of(
        "magnet", "magnet:?xt=urn:btih:" + "ab".repeat(20) + "&dn=Alien.1979",
        "title", "Alien", "tags", List.of("space"))));
    assertThat(byMagnet.status).isEqualTo(201);
    byte[] torrent = singleFileTorrent("Heat.1995.mkv", 40_000);
    Reply byTorrent = call(first, "POST", "/api/v1/movies", token,
        new Body("application/x-bittorrent", torrent));
    assertThat(byTorrent.status).isEqualTo(201);
    String heat = byTorrent.body.get("id").asText();
    assertThat(byTorrent.body.get("files").get(0).get("length").asLong()).isEqualTo(40_000);

    assertThat(call(first, "PATCH", "/api/v1/movies/" + heat, token,
        json(Map.of("tags", List.of("crime"), "description", "Pacino vs De Niro"))).status)
        .isEqualTo(200);
    assertThat(call(first, "PUT", "/api/v1/movies/" + heat + "/rating", token,
        json(Map.of("value", 9))).status).isBetween(200, 204);
    assertThat(call(first, "POST", "/api/v1/movies/" + heat + "/comments", token,
        json(Map.of("text", "Classic."))).status).isEqualTo(201);
    JsonNode heatBefore = call(first, "GET", "/api/v1/movies/" + heat, token, get()).body;
    JsonNode searchBefore = call(first, "GET", "/api/v1/movies?q=ali&tag=space", token, get()).body;
    assertThat(searchBefore.get("items").findValuesAsText("title")).containsExactly("Alien");

    stop(first);
    RunningServer second = start(dbArgs, env);
    String fresh = logIn(second);

    assertThat(call(second, "GET", "/api/v1/movies/" + heat, token, get()).body)
        .as("a token issued before the restart still works: the signing key was kept")
        .isEqualTo(heatBefore);
    assertThat(call(second, "GET", "/api/v1/movies?q=ali&tag=space", fresh, get()).body)
        .isEqualTo(searchBefore);
    assertThat(call(second, "GET", "/api/v1/movies/" + heat + "/comments", fresh, get())
        .body.findValuesAsText("text")).containsExactly("Classic.");
    stop(second);

    for (Path log : List.of(first.log, second.log)) {
      String text = Files.readString(log);
      assertThat(text).as("secrets in the server log").doesNotContain(PASSWORD, token, fresh);
      if (postgres != null) {
        assertThat(text).doesNotContain(postgres.password());
      }
    }
  }

  private RunningServer start(List<String> dbArgs, Map<String, String> env) throws Exception {
    Path jar = Path.of(System.getProperty("syncer.server.jar", "target/syncer-server.jar"));
    assertThat(jar).as("the shaded server jar (built by package)").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
        "--port", "0", "--data-dir", dataDirectory.toString()));
    command.addAll(dbArgs);
    Path log = Files.createTempFile(dataDirectory.getParent(), "server", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.environment().putAll(new HashMap<>(env));
    Process process = builder.start();
    started.add(process);
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertThat(line).as("the server's one line with its URLs (log: %s)", log).isNotNull();
    Matcher m = LISTENING.matcher(line);
    assertThat(m.find()).as("URLs in %s", line).isTrue();
    assertThat(m.group(2)).startsWith(m.group(1).replace("http://", "ws://"));
    return new RunningServer(process, URI.create(m.group(1)), log);
  }

  private static void stop(RunningServer server) throws InterruptedException {
    server.process.destroy(); // SIGTERM: the graceful path an operator's service manager takes
    assertThat(server.process.waitFor(60, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
  }

  private static String logIn(RunningServer server) throws Exception {
    Reply session = call(server, "POST", "/api/v1/sessions", null,
        json(Map.of("username", "alice", "password", PASSWORD)));
    assertThat(session.status).isEqualTo(200);
    return session.body.get("accessToken").asText();
  }

  private record Reply(int status, JsonNode body) {}

  /** A request body with its content type; {@code null} bytes for none. */
  private record Body(String contentType, byte[] bytes) {}

  private static Body get() {
    return new Body(null, null);
  }

  private static Body json(Object value) throws IOException {
    return new Body("application/json", JSON.writeValueAsBytes(value));
  }

  private static Reply call(RunningServer server, String method, String path, String token,
      Body body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.http.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body.bytes == null ? BodyPublishers.noBody()
            : BodyPublishers.ofByteArray(body.bytes));
    if (body.contentType != null) {
      b.header("Content-Type", body.contentType);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    var response = HTTP.send(b.build(), BodyHandlers.ofByteArray());
    byte[] bytes = response.body();
    return new Reply(response.statusCode(), bytes.length == 0 ? null : JSON.readTree(bytes));
  }

  /** A real single-file v1 .torrent: bencoded metainfo with SHA-1 piece hashes of random data. */
  private static byte[] singleFileTorrent(String name, int length) throws Exception {
    int pieceLength = 16 * 1024;
    byte[] data = new byte[length];
    new Random(7).nextBytes(data);
    ByteArrayOutputStream pieces = new ByteArrayOutputStream();
    for (int offset = 0; offset < length; offset += pieceLength) {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(data, offset, Math.min(pieceLength, length - offset));
      pieces.write(sha1.digest());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String tracker = "http://127.0.0.1:1/announce";
    out.write(("d8:announce" + tracker.length() + ":" + tracker + "4:infod6:lengthi" + length
        + "e4:name" + name.length() + ":" + name + "12:piece lengthi" + pieceLength + "e6:pieces"
        + pieces.size() + ":").getBytes(StandardCharsets.US_ASCII));
    pieces.writeTo(out);
    out.write("ee".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
