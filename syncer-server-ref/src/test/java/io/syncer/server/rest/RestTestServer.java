package io.syncer.server.rest;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static io.syncer.core.testing.FakeTorrentInspector.magnet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncer.core.account.AccountService;
import io.syncer.core.library.LibraryService;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.library.TorrentInspector;
import io.syncer.core.store.SyncerStore;
import io.syncer.core.testing.MutableClock;
import io.syncer.core.testing.TestAccounts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * A bare Grizzly server on 127.0.0.1 (port chosen by the OS) with only the REST API, and a JDK
 * HTTP client to call it. Close it to stop the server.
 */
final class RestTestServer implements AutoCloseable {

  static final String PASSWORD = "correct horse battery";
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Java 17's HttpClient cannot be closed (its selector thread ends when it is collected), so the
   * tests share two: the default one, which offers an h2c upgrade on every request as Java clients
   * do, and a plain HTTP/1.1 one, which reuses connections.
   */
  private static final HttpClient OFFERS_H2C =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final HttpClient HTTP_1_1 = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  record Reply(int status, JsonNode body, HttpResponse<byte[]> raw) {
    String code() {
      return body.path("code").asText();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpServer server;
  private final HttpClient client;
  private final String base;

  RestTestServer(SyncerStore store, TorrentInspector torrents, MovieSharing sharing,
      MutableClock clock, boolean http11) throws IOException {
    this(TestAccounts.service(store.accounts(), clock),
        new LibraryService(store.library(), torrents, sharing, clock), clock, http11);
  }

  /** Serves these services. */
  RestTestServer(AccountService accounts, LibraryService library, Clock clock, boolean http11)
      throws IOException {
    server = new HttpServer();
    server.addListener(new NetworkListener("rest-test", "127.0.0.1", 0));
    new RestApi(accounts, library, clock).register(server);
    server.start();
    base = "http://127.0.0.1:" + server.getListener("rest-test").getPort() + RestApi.CONTEXT_PATH;
    client = http11 ? HTTP_1_1 : OFFERS_H2C;
  }

  @Override
  public void close() {
    server.shutdownNow();
  }

  Reply call(String method, String path, String token, String contentType, byte[] body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<byte[]> response = client.send(request.build(), BodyHandlers.ofByteArray());
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode parsed = type.startsWith("application/json")
        ? JSON.readTree(response.body()) : JSON.nullNode();
    return new Reply(response.statusCode(), parsed, response);
  }

  Reply call(String method, String path, String token, JsonNode body) throws Exception {
    return call(method, path, token, body == null ? null : "application/json",
        body == null ? null : JSON.writeValueAsBytes(body));
  }

  Reply get(String path, String token) throws Exception {
    return call("GET", path, token, null, null);
  }

  /** A JSON object from alternating field names and values. */
  static ObjectNode obj(Object... namesAndValues) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
    }
    return node;
  }

  static JsonNode tree(String json) throws IOException {
    return JSON.readTree(json);
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  Reply logIn(String name, String password) throws Exception {
    return call("POST", "/sessions", null, obj("username", name, "password", password));
  }

  /** Registers {@code name} and logs in; returns the access token. */
  String user(String name) throws Exception {
    assertThat(call("POST", "/accounts", null, obj("username", name, "password", PASSWORD))
        .status()).isEqualTo(201);
    return logIn(name, PASSWORD).body().get("accessToken").asText();
  }

  /** Adds a movie by magnet link; returns its JSON. */
  JsonNode addMagnet(String token, int hash, String name) throws Exception {
    Reply reply = call("POST", "/movies", token, obj("magnet", magnet(infoHash(hash), name)));
    assertThat(reply.status()).isEqualTo(201);
    return reply.body();
  }

  static void assertError(Reply reply, int status, String code) {
    assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
    assertThat(reply.code()).isEqualTo(code);
    assertThat(reply.body().get("message").asText()).isNotBlank();
    assertThat(reply.header("Content-Type")).startsWith("application/json");
  }
}
