package io.syncer.server.rest;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static io.syncer.core.testing.FakeTorrentInspector.magnet;
import static io.syncer.server.rest.RestTestServer.PASSWORD;
import static io.syncer.server.rest.RestTestServer.assertError;
import static io.syncer.server.rest.RestTestServer.obj;
import static io.syncer.server.rest.RestTestServer.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncer.core.library.InvalidTorrentException;
import io.syncer.core.library.LibraryLimits;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.TorrentInspector;
import io.syncer.core.store.InMemorySyncerStore;
import io.syncer.core.store.jdbc.JdbcSettings;
import io.syncer.core.store.jdbc.JdbcSyncerStore;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.core.testing.MutableClock;
import io.syncer.server.rest.RestTestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and unauthorized requests over HTTP: each is refused with the documented status and
 * code, and leaves every library as it was. Runs on an H2 database, where SQL injection would
 * matter, with an HTTP/1.1 client that reuses connections.
 */
class RestApiSecurityTest {

  private static final String SQL = "'); DROP TABLE movies; -- \" OR '1'='1";
  private static final String SQL_TAG = "'; drop table movie_tags; --";

  @TempDir Path dataDirectory;
  private final MutableClock clock = MutableClock.atNewYear2026();
  private final Set<String> shared = ConcurrentHashMap.newKeySet();
  private JdbcSyncerStore store;
  private RestTestServer api;
  private String alice;
  private String bob;
  private JsonNode alicesMovie;

  @BeforeEach
  void start() throws Exception {
    store = JdbcSyncerStore.open(JdbcSettings.h2(dataDirectory));
    api = new RestTestServer(store, new FakeTorrentInspector(),
        (movie, userId) -> shared.contains(movie.id() + "/" + userId), clock, true);
    alice = api.user("alice");
    bob = api.user("bob");
    alicesMovie = api.call("PATCH", "/movies/" + api.addMagnet(alice, 1, "Private").get("id")
        .asText(), alice, obj("description", "secret notes", "tags", List.of("mine"))).body();
  }

  @AfterEach
  void stop() {
    api.close();
    store.close();
  }

  private String movieId() {
    return alicesMovie.get("id").asText();
  }

  private void assertAlicesMovieUnchanged() throws Exception {
    assertThat(api.get("/movies/" + movieId(), alice).body()).isEqualTo(alicesMovie);
    assertThat(api.get("/movies", alice).body().get("totalItems").asInt()).isEqualTo(1);
  }

  @Test
  void aWrongPasswordOrUnknownUserIsUnauthorizedAndRepeatedFailuresAreThrottled()
      throws Exception {
    assertError(api.logIn("alice", "wrong password!"), 401, "invalid_credentials");
    assertError(api.logIn("nobody", PASSWORD), 401, "invalid_credentials");
    for (int i = 0; i < 4; i++) {
      api.logIn("alice", "wrong password!");
    }
    assertError(api.logIn("alice", PASSWORD), 429, "too_many_attempts");
    clock.advance(Duration.ofMinutes(1));
    assertThat(api.logIn("alice", PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void missingTamperedAndExpiredTokensAreUnauthorized() throws Exception {
    Reply missing = api.get("/movies", null);
    assertError(missing, 401, "missing_token");
    assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

    String[] parts = alice.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("\"alice\"", "\"bob\"").getBytes(StandardCharsets.UTF_8));
    assertError(api.get("/movies", parts[0] + "." + forgedPayload + "." + parts[2]), 401,
        "invalid_token");
    assertError(api.get("/movies", alice.substring(0, alice.length() - 2) + "xx"), 401,
        "invalid_token");
    assertError(api.get("/movies", "not-a-jwt"), 401, "invalid_token");
    assertError(api.call("DELETE", "/movies/" + movieId(), "garbage", null), 401,
        "invalid_token");

    clock.advance(Duration.ofMinutes(15));
    assertError(api.get("/movies", alice), 401, "token_expired");
    assertError(api.call("DELETE", "/movies/" + movieId(), alice, null), 401, "token_expired");
    clock.advance(Duration.ofMinutes(-15));
    assertAlicesMovieUnchanged();
  }

  @Test
  void anotherUsersLibraryCannotBeReadOrChanged() throws Exception {
    String path = "/movies/" + movieId();

    assertError(api.get(path, bob), 404, "movie_not_found");
    assertError(api.call("PATCH", path, bob, obj("title", "pwned")), 404, "movie_not_found");
    assertError(api.call("DELETE", path, bob, null), 404, "movie_not_found");
    assertError(api.get(path + "/torrent", bob), 404, "movie_not_found");
    assertError(api.call("PUT", path + "/torrent", bob, "application/x-bittorrent",
        "d4:infoe".getBytes(StandardCharsets.UTF_8)), 404, "movie_not_found");
    assertError(api.call("PUT", path + "/rating", bob, obj("value", 1)), 404,
        "movie_not_found");
    assertError(api.get(path + "/comments", bob), 404, "movie_not_found");
    assertError(api.call("POST", path + "/comments", bob, obj("text", "spam")), 404,
        "movie_not_found");
    assertThat(api.get("/movies", bob).body().get("totalItems").asInt()).isZero();
    assertThat(api.get("/movies?q=" + q("Private"), bob).body().get("items")).isEmpty();
    assertAlicesMovieUnchanged();
  }

  @Test
  void onlyTheAuthorMayEditOrDeleteACommentOnASharedMovie() throws Exception {
    shared.add(movieId() + "/" + api.get("/accounts/me", bob).body().get("id").asText());
    String comments = "/movies/" + movieId() + "/comments";
    JsonNode bobs = api.call("POST", comments, bob, obj("text", "nice pick")).body();
    String bobsComment = comments + "/" + bobs.get("id").asText();

    assertError(api.call("PATCH", bobsComment, alice, obj("text", "censored")), 403,
        "not_comment_author");
    assertError(api.call("DELETE", bobsComment, alice, null), 403, "not_comment_author");
    assertError(api.get("/movies/" + movieId(), bob), 404, "movie_not_found");

    assertThat(api.get(comments, alice).body().get("items").get(0)).isEqualTo(bobs);
    assertThat(api.call("PATCH", bobsComment, bob, obj("text", "great pick")).body()
        .get("text").asText()).isEqualTo("great pick");
    assertThat(api.call("DELETE", bobsComment, bob, null).status()).isEqualTo(204);
  }

  @Test
  void sqlMetacharactersAreRefusedInUsernamesAndStoredVerbatimElsewhere() throws Exception {
    assertError(api.call("POST", "/accounts", null, obj("username", SQL, "password", PASSWORD)),
        400, "invalid_username");
    assertError(api.logIn("alice' --", PASSWORD), 401, "invalid_credentials");

    Reply added = api.call("POST", "/movies", bob, obj("magnet", magnet(infoHash(2), SQL),
        "title", SQL, "description", SQL, "tags", List.of(SQL_TAG)));
    assertThat(added.status()).isEqualTo(201);
    String path = "/movies/" + added.body().get("id").asText();
    assertThat(api.call("POST", path + "/comments", bob, obj("text", SQL)).body().get("text")
        .asText()).isEqualTo(SQL);
    JsonNode movie = api.get(path, bob).body();
    assertThat(movie.get("title").asText()).isEqualTo(SQL);
    assertThat(movie.get("description").asText()).isEqualTo(SQL);
    assertThat(movie.get("tags").get(0).asText()).isEqualTo(SQL_TAG);
    assertThat(api.get("/movies?q=" + q("drop table") + "&tag=" + q(SQL_TAG), bob).body()
        .get("totalItems").asInt()).isEqualTo(1);
    assertThat(api.get("/movies?q=" + q("' OR 1=1 --"), bob).body().get("totalItems").asInt())
        .isZero();
    assertAlicesMovieUnchanged();
  }

  @Test
  void oversizeBodiesAndFieldsAreRefused() throws Exception {
    byte[] hugeJson = ("{\"text\":\"" + "x".repeat(RestApi.DEFAULT_MAX_JSON_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertError(api.call("POST", "/movies/" + movieId() + "/comments", alice,
        "application/json", hugeJson), 413, "body_too_large");
    assertError(api.call("POST", "/movies", alice, "application/x-bittorrent",
        new byte[LibraryLimits.MAX_TORRENT_FILE_BYTES + 1]), 413, "body_too_large");
    assertError(api.call("PATCH", "/movies/" + movieId(), alice,
        obj("title", "t".repeat(LibraryLimits.MAX_TITLE_LENGTH + 1))), 400, "invalid_title");
    assertError(api.call("PATCH", "/movies/" + movieId(), alice,
        obj("description", "d".repeat(LibraryLimits.MAX_DESCRIPTION_LENGTH + 1))), 400,
        "invalid_description");
    assertError(api.call("POST", "/movies/" + movieId() + "/comments", alice,
        obj("text", "c".repeat(LibraryLimits.MAX_COMMENT_LENGTH + 1))), 400, "invalid_comment");
    assertError(api.get("/movies?q=" + "s".repeat(300), alice), 400, "invalid_search");
    assertAlicesMovieUnchanged();
    assertThat(api.get("/movies/" + movieId() + "/comments", alice).body().get("totalItems")
        .asInt()).isZero();
  }

  @Test
  void brokenTorrentsAndMagnetsAreRefused() throws Exception {
    assertError(api.call("POST", "/movies", alice, "application/x-bittorrent",
        "d8:announce3:abce".getBytes(StandardCharsets.UTF_8)), 400, "invalid_torrent");
    assertError(api.call("POST", "/movies", alice, "application/x-bittorrent", new byte[0]),
        400, "invalid_torrent");
    assertError(api.call("POST", "/movies", alice, obj("magnet", "magnet:?dn=no-hash")), 400,
        "invalid_torrent");
    assertError(api.call("POST", "/movies", alice, obj("magnet", magnet(infoHash(1), "again"))),
        409, "duplicate_movie");
    assertAlicesMovieUnchanged();
  }

  @Test
  void malformedRequestsGetPreciseErrors() throws Exception {
    String path = "/movies/" + movieId();
    assertError(api.call("PATCH", path, alice, "application/json",
        "{\"title\": ".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
    assertError(api.call("PATCH", path, alice, "application/json",
        "[1,2]".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
    assertError(api.call("PATCH", path, alice, "application/json",
        "{\"title\":\"a\",\"title\":\"b\"}".getBytes(StandardCharsets.UTF_8)), 400,
        "invalid_json");
    assertError(api.call("PATCH", path, alice, "application/json",
        "[".repeat(100).getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");
    assertError(api.call("PATCH", path, alice, obj("titel", "typo")), 400, "unknown_field");
    assertError(api.call("PATCH", path, alice, obj("year", "1999")), 400, "invalid_year");
    assertError(api.call("PATCH", path, alice, obj("tags", "one")), 400, "invalid_tags");
    assertError(api.call("PATCH", path, alice, obj("fileIndex", 0)), 400, "invalid_file_index");
    assertError(api.call("PUT", path + "/rating", alice, obj("value", 11)), 400,
        "invalid_rating");
    assertError(api.call("PUT", path + "/rating", alice, obj("value", 7.5)), 400,
        "invalid_value");
    assertError(api.call("PATCH", path, alice, "text/plain",
        "title=x".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type");
    assertError(api.get("/movies?sort=random", alice), 400, "invalid_sort");
    assertError(api.get("/movies?page=x", alice), 400, "invalid_page");
    assertError(api.get("/movies/not-a-uuid", alice), 404, "movie_not_found");
    assertError(api.get("/nothing/here", alice), 404, "no_such_resource");
    Reply wrongMethod = api.call("PUT", path, alice, obj("title", "x"));
    assertError(wrongMethod, 405, "method_not_allowed");
    assertThat(wrongMethod.header("Allow")).isEqualTo("DELETE, GET, PATCH");
    assertAlicesMovieUnchanged();
  }

  @Test
  void unexpectedFailuresAre500WithoutDetailsAndAFailingDatabaseIs503() throws Exception {
    api.close();
    TorrentInspector exploding = new TorrentInspector() {
      @Override
      public MovieSource inspectMagnet(String magnetUri) {
        throw new IllegalStateException("internal detail that must not leak");
      }

      @Override
      public MovieSource inspectTorrentFile(byte[] torrentFile) {
        throw new InvalidTorrentException("unused");
      }
    };
    api = new RestTestServer(store, exploding, (movie, user) -> false, clock, true);
    String token = api.logIn("alice", PASSWORD).body().get("accessToken").asText();

    Reply crash = api.call("POST", "/movies", token, obj("magnet", magnet(infoHash(3), "x")));
    assertError(crash, 500, "internal_error");
    assertThat(new String(crash.raw().body(), StandardCharsets.UTF_8))
        .doesNotContain("internal detail", "Exception", "at io.syncer");

    store.close();
    assertError(api.get("/movies", token), 503, "storage_failure");
  }
}
