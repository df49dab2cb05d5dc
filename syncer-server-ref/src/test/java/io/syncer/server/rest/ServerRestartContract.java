package io.syncer.server.rest;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static io.syncer.core.testing.FakeTorrentInspector.magnet;
import static io.syncer.server.rest.RestTestServer.PASSWORD;
import static io.syncer.server.rest.RestTestServer.obj;
import static io.syncer.server.rest.RestTestServer.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.core.testing.MutableClock;
import io.syncer.server.rest.RestTestServer.Reply;
import io.syncer.server.storage.ServerStorage;
import io.syncer.server.storage.StorageOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over HTTP with the server's real storage wiring: build a library, stop the server
 * and close its storage, start again from the same options, and find everything as it was.
 */
abstract class ServerRestartContract {

  @TempDir Path dataDirectory;
  private final MutableClock clock = MutableClock.atNewYear2026();
  private final FakeTorrentInspector inspector = new FakeTorrentInspector();
  private ServerStorage storage;
  private RestTestServer api;

  /** Where the server under test keeps its data. */
  protected abstract StorageOptions options(Path dataDirectory);

  private void startServer() throws Exception {
    storage = ServerStorage.open(options(dataDirectory), inspector, MovieSharing.none(), clock);
    api = new RestTestServer(storage.accounts(), storage.library(), clock, true);
  }

  private void stopServer() {
    if (api != null) {
      api.close();
      storage.close();
      api = null;
    }
  }

  /** Removes what {@link #options} created, after the server stopped. */
  protected void afterStop() throws Exception {}

  @AfterEach
  void stop() throws Exception {
    stopServer();
    afterStop();
  }

  @Test
  void aLibraryBuiltOverHttpIsStillThereAfterARestart() throws Exception {
    startServer();
    String token = api.user("alice");
    String magnetMovie = api.call("POST", "/movies", token, obj("magnet",
        magnet(infoHash(1), "Alien.1979"), "title", "Alien", "tags", List.of("space"))).body()
        .get("id").asText();
    byte[] torrent = inspector.torrentFile(infoHash(2), "Heat", List.of(
        new MovieFile("Heat/Heat.mkv", 7_000_000_000L)));
    String torrentMovie = api.call("POST", "/movies", token, "application/x-bittorrent", torrent)
        .body().get("id").asText();
    api.call("PATCH", "/movies/" + torrentMovie, token, obj("tags", List.of("crime"),
        "description", "Pacino vs De Niro"));
    api.call("PUT", "/movies/" + torrentMovie + "/rating", token, obj("value", 9));
    api.call("POST", "/movies/" + torrentMovie + "/comments", token, obj("text", "Classic."));
    JsonNode before = api.get("/movies/" + torrentMovie, token).body();
    JsonNode commentsBefore = api.get("/movies/" + torrentMovie + "/comments", token).body();

    stopServer();
    startServer();

    assertThat(api.get("/movies/" + torrentMovie, token).body())
        .as("an access token issued before the restart").isEqualTo(before);
    String fresh = api.logIn("alice", PASSWORD).body().get("accessToken").asText();
    assertThat(api.get("/movies/" + torrentMovie + "/comments", fresh).body())
        .isEqualTo(commentsBefore);
    Reply file = api.get("/movies/" + torrentMovie + "/torrent", fresh);
    assertThat(file.raw().body()).isEqualTo(torrent);
    assertThat(api.get("/movies?q=" + q("ali") + "&tag=space", fresh).body().get("items")
        .findValuesAsText("id")).containsExactly(magnetMovie);
    assertThat(api.get("/movies?sort=rating", fresh).body().get("items")
        .findValuesAsText("id")).containsExactly(torrentMovie, magnetMovie);
  }
}
