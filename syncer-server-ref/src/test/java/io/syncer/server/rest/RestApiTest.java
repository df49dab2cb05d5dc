package io.syncer.server.rest;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static io.syncer.core.testing.FakeTorrentInspector.magnet;
import static io.syncer.server.rest.RestTestServer.PASSWORD;
import static io.syncer.server.rest.RestTestServer.assertError;
import static io.syncer.server.rest.RestTestServer.obj;
import static io.syncer.server.rest.RestTestServer.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.store.InMemorySyncerStore;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.core.testing.MutableClock;
import io.syncer.server.rest.RestTestServer.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API's main flows over real HTTP on 127.0.0.1, with a client that offers an h2c upgrade
 * on every request, as Java's HttpClient does by default.
 */
class RestApiTest {

  private final MutableClock clock = MutableClock.atNewYear2026();
  private final FakeTorrentInspector inspector = new FakeTorrentInspector();
  private RestTestServer api;

  @BeforeEach
  void start() throws Exception {
    api = new RestTestServer(new InMemorySyncerStore(), inspector, MovieSharing.none(), clock,
        false);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private Reply call(String method, String path, String token, JsonNode body) throws Exception {
    return api.call(method, path, token, body);
  }

  private Reply get(String path, String token) throws Exception {
    return api.get(path, token);
  }

  private Reply logIn(String name) throws Exception {
    return api.logIn(name, PASSWORD);
  }

  private String user(String name) throws Exception {
    return api.user(name);
  }

  // ---- the whole flow ----

  @Test
  void aUserRegistersBuildsALibraryAndFindsItAgain() throws Exception {
    Reply registered = call("POST", "/accounts", null,
        obj("username", "alice", "password", PASSWORD));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.body().get("username").asText()).isEqualTo("alice");

    Reply session = logIn("alice");
    assertThat(session.status()).isEqualTo(200);
    assertThat(session.body().get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(session.body().get("expiresIn").asLong()).isEqualTo(900);
    assertThat(session.raw().headers().firstValue("Cache-Control")).contains("no-store");
    String token = session.body().get("accessToken").asText();

    Reply byMagnet = call("POST", "/movies", token, obj("magnet",
        magnet(infoHash(1), "Alien.1979"), "title", "Alien", "year", 1979,
        "tags", List.of("Sci-Fi", "horror")));
    assertThat(byMagnet.status()).isEqualTo(201);
    String alienId = byMagnet.body().get("id").asText();
    assertThat(byMagnet.raw().headers().firstValue("Location"))
        .contains(RestApi.CONTEXT_PATH + "/movies/" + alienId);
    assertThat(byMagnet.body().get("files")).isEmpty();
    assertThat(byMagnet.body().get("fileIndex").isNull()).isTrue();

    byte[] torrent = inspector.torrentFile(infoHash(2), "Heat.1995", List.of(
        new MovieFile("Heat/sample.mkv", 10), new MovieFile("Heat/Heat.mkv", 7_000_000_000L)));
    Reply byTorrent = api.call("POST", "/movies", token, "application/x-bittorrent", torrent);
    assertThat(byTorrent.status()).isEqualTo(201);
    String heatId = byTorrent.body().get("id").asText();
    assertThat(byTorrent.body().get("fileIndex").asInt()).isEqualTo(1);
    assertThat(byTorrent.body().get("files").get(1).get("length").asLong())
        .isEqualTo(7_000_000_000L);

    Reply patched = call("PATCH", "/movies/" + heatId, token,
        obj("title", "Heat", "description", "Pacino vs De Niro", "year", 1995,
            "tags", List.of("crime"), "fileIndex", 1));
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().get("tags")).containsExactly(tree("\"crime\""));

    Reply rated = call("PUT", "/movies/" + heatId + "/rating", token, obj("value", 9));
    assertThat(rated.body()).isEqualTo(tree("{\"mine\":9,\"average\":9.0,\"count\":1}"));
    call("PUT", "/movies/" + alienId + "/rating", token, obj("value", 7));

    Reply comment = call("POST", "/movies/" + heatId + "/comments", token,
        obj("text", "The bank scene!"));
    assertThat(comment.status()).isEqualTo(201);
    assertThat(comment.body().get("author").get("username").asText()).isEqualTo("alice");
    Reply comments = get("/movies/" + heatId + "/comments", token);
    assertThat(comments.body().get("totalItems").asInt()).isEqualTo(1);
    assertThat(comments.body().get("items").get(0).get("text").asText())
        .isEqualTo("The bank scene!");

    Reply byRating = get("/movies?sort=rating", token);
    assertThat(byRating.body().get("items").findValuesAsText("title"))
        .containsExactly("Heat", "Alien");
    assertThat(get("/movies?q=ALI&tag=sci-fi", token).body().get("items")
        .findValuesAsText("title")).containsExactly("Alien");
    Reply paged = get("/movies?sort=title&page=1&size=1", token);
    assertThat(paged.body().get("items").findValuesAsText("title")).containsExactly("Heat");
    assertThat(paged.body().get("totalPages").asInt()).isEqualTo(2);

    Reply heat = get("/movies/" + heatId, token);
    assertThat(heat.body().get("description").asText()).isEqualTo("Pacino vs De Niro");
    assertThat(heat.body().get("rating").get("mine").asInt()).isEqualTo(9);
    Reply file = get("/movies/" + heatId + "/torrent", token);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.raw().body()).isEqualTo(torrent);
    assertError(get("/movies/" + alienId + "/torrent", token), 404, "no_torrent_file");

    assertThat(call("DELETE", "/movies/" + alienId, token, null).status()).isEqualTo(204);
    assertError(get("/movies/" + alienId, token), 404, "movie_not_found");
    assertThat(get("/accounts/me", token).body().get("username").asText()).isEqualTo("alice");
  }

  @Test
  void aMagnetMovieGetsItsFilesWhenItsTorrentFileIsUploaded() throws Exception {
    String token = user("alice");
    String id = api.addMagnet(token, 5, "Ronin").get("id").asText();
    byte[] torrent = inspector.torrentFile(infoHash(5), "Ronin", List.of(
        new MovieFile("Ronin/Ronin.mp4", 2_000_000_000L), new MovieFile("Ronin/info.nfo", 1)));
    byte[] other = inspector.torrentFile(infoHash(6), "Other", List.of(new MovieFile("o", 1)));

    assertError(api.call("PUT", "/movies/" + id + "/torrent", token, "application/x-bittorrent",
        other), 400, "invalid_torrent");
    assertError(api.call("PUT", "/movies/" + id + "/torrent", token, "application/json",
        "{}".getBytes()), 415, "unsupported_media_type");
    Reply attached = api.call("PUT", "/movies/" + id + "/torrent", token,
        "application/x-bittorrent", torrent);

    assertThat(attached.status()).isEqualTo(200);
    assertThat(attached.body().get("fileIndex").asInt()).isZero();
    assertThat(attached.body().get("files")).hasSize(2);
    assertThat(api.get("/movies/" + id + "/torrent", token).raw().body()).isEqualTo(torrent);
  }

  @Test
  void sessionsRefreshRotateAndEndOnLogOutOrPasswordChange() throws Exception {
    user("alice");
    JsonNode first = logIn("alice").body();

    Reply refreshed = call("POST", "/sessions/refresh", null,
        obj("refreshToken", first.get("refreshToken").asText()));
    assertThat(refreshed.status()).isEqualTo(200);
    String token = refreshed.body().get("accessToken").asText();
    assertThat(get("/accounts/me", token).status()).isEqualTo(200);
    assertError(call("POST", "/sessions/refresh", null,
        obj("refreshToken", refreshed.body().get("refreshToken").asText() + "x")), 401,
        "invalid_refresh_token");

    JsonNode other = logIn("alice").body();
    Reply changed = call("PUT", "/accounts/me/password", token,
        obj("currentPassword", PASSWORD, "newPassword", "another good secret"));
    assertThat(changed.status()).isEqualTo(200);
    assertError(get("/accounts/me", other.get("accessToken").asText()), 401, "session_ended");
    String fresh = changed.body().get("accessToken").asText();

    assertThat(call("DELETE", "/sessions", fresh, null).status()).isEqualTo(204);
    assertError(get("/accounts/me", fresh), 401, "session_ended");
  }
}
