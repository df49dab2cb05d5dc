package io.syncer.player.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.TestSyncerServer;
import io.syncer.player.testing.TestTorrents;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player's REST client against the reference server's API. */
class SyncerApiTest {

  private static final String PASSWORD = "correct horse battery";
  private static final String MAGNET =
      "magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056&dn=Heat";

  @TempDir static Path data;
  private static TestSyncerServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = new TestSyncerServer(data);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static SyncerApi api() throws ApiException {
    URI http = server.httpUri();
    return SyncerApi.forServer(http.getHost() + ":" + http.getPort());
  }

  @Test
  void registersLogsInAndKeepsALibrary() throws Exception {
    SyncerApi api = api();
    List<Tokens> remembered = new ArrayList<>();
    api.onTokens(remembered::add);

    Tokens tokens = api.register("alice", PASSWORD);
    assertThat(tokens.account().username()).isEqualTo("alice");
    assertThat(remembered).containsExactly(tokens);
    assertThat(tokens.toString()).doesNotContain(tokens.accessToken()).doesNotContain(tokens.refreshToken());
    assertThat(api.webSocketUri()).isEqualTo(server.webSocketUri());

    LibraryMovie heat = api.addMagnet("  " + MAGNET + " ");
    assertThat(heat.title()).isEqualTo("Heat");
    assertThat(heat.files()).isEmpty();
    byte[] torrent = TestTorrents.torrentOf(CounterVideos.get(Format.MP4_H264_AAC));
    LibraryMovie counter = api.addTorrentFile(torrent);
    assertThat(counter.hasTorrentFile()).isTrue();
    assertThat(counter.fileIndex()).hasValue(0);
    assertThat(counter.playedFileLength()).isPresent();
    assertThat(api.torrentFile(counter.id())).isEqualTo(torrent);

    LibraryMovie edited = api.edit(heat.id(), "Heat (1995)", "Pacino vs De Niro", List.of("Crime", "heist"));
    assertThat(edited.tags()).containsExactly("crime", "heist");
    api.rate(heat.id(), 9);
    assertThat(api.movie(heat.id()).myRating()).hasValue(9);
    api.addComment(heat.id(), "The bank scene!");
    assertThat(api.comments(heat.id())).singleElement()
        .satisfies(c -> assertThat(c.author() + ": " + c.text()).isEqualTo("alice: The bank scene!"));

    assertThat(api.movies("", "", 0, 20).items()).hasSize(2);
    assertThat(api.movies("heat", "", 0, 20).items()).extracting(LibraryMovie::id).containsExactly(heat.id());
    assertThat(api.movies("", "crime", 0, 20).items()).extracting(LibraryMovie::id).containsExactly(heat.id());

    assertThatThrownBy(() -> api.addMagnet(MAGNET))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("duplicate_movie"));
    assertThatThrownBy(() -> api.addMagnet("not a magnet"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_torrent"));
  }

  @Test
  void aRememberedRefreshTokenLogsInAgainOnce() throws Exception {
    SyncerApi first = api();
    first.register("bob", PASSWORD);
    String remembered = first.tokens().orElseThrow().refreshToken();

    SyncerApi later = api();
    Tokens resumed = later.resume(remembered);
    assertThat(resumed.account().username()).isEqualTo("bob");
    assertThat(later.movies("", "", 0, 20).items()).isEmpty();
    assertThatThrownBy(() -> api().resume("not-a-refresh-token"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));

    later.logOut();
    assertThat(later.tokens()).isEmpty();
  }

  @Test
  void aRoomConnectionGetsTheAccessTokenRenewedWhenItIsAboutToExpire() throws Exception {
    SyncerApi api = api();
    Tokens tokens = api.register("dora", PASSWORD);
    assertThat(api.freshAccessToken()).isEqualTo(tokens.accessToken());

    URI http = server.httpUri();
    // Renewing a day ahead: every 15-minute token is about to expire.
    SyncerApi eager = SyncerApi.forServer(http.getHost() + ":" + http.getPort(), Duration.ofDays(1));
    Tokens before = eager.logIn("dora", PASSWORD);
    String renewed = eager.freshAccessToken();
    // Renewed with the refresh token, which is used up and replaced (the access token itself may
    // come out identical within the same second).
    assertThat(eager.tokens().orElseThrow().refreshToken()).isNotEqualTo(before.refreshToken());
    assertThat(eager.tokens().orElseThrow().accessToken()).isEqualTo(renewed);
    assertThat(eager.movies("", "", 0, 20).items()).isEmpty();

    assertThatThrownBy(() -> api().freshAccessToken())
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void mistakesAreSentencesWithStableCodes() throws Exception {
    api().register("carol", PASSWORD);

    assertThatThrownBy(() -> api().logIn("carol", "wrong password!"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo("invalid_credentials");
          assertThat(e.getMessage()).isNotBlank().doesNotContain("wrong password!");
        });
    assertThatThrownBy(() -> api().register("carol", PASSWORD))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("username_taken"));
    assertThatThrownBy(() -> api().movies("", "", 0, 20))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("missing_token"));
    assertThatThrownBy(() -> SyncerApi.forServer("http://"))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_server"));

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(() -> SyncerApi.forServer("127.0.0.1:" + closedPort).logIn("carol", PASSWORD))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(ApiException.UNREACHABLE);
          assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort);
        });
  }

  @Test
  void serverAddressesAreReadAsPeopleTypeThem() throws Exception {
    assertThat(SyncerApi.serverUri("192.168.1.20")).isEqualTo(URI.create("http://192.168.1.20:8470"));
    assertThat(SyncerApi.serverUri(" 192.168.1.20:9000/ ")).isEqualTo(URI.create("http://192.168.1.20:9000"));
    assertThat(SyncerApi.serverUri("ws://host:8470/ws/v1")).isEqualTo(URI.create("http://host:8470"));
    assertThat(SyncerApi.forServer("https://example.org").webSocketUri())
        .isEqualTo(URI.create("wss://example.org:443/ws/v1"));
    assertThatThrownBy(() -> SyncerApi.serverUri("user@host:1")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> SyncerApi.serverUri("   ")).isInstanceOf(ApiException.class);
  }
}
