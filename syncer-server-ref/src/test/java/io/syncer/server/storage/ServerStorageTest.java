package io.syncer.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.core.error.StorageException;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.room.Authenticator;
import io.syncer.core.room.Principal;
import io.syncer.core.testing.FakeTorrentInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStorageTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[48]);

  @TempDir Path dataDirectory;

  private ServerStorage open(StorageOptions options) {
    return ServerStorage.open(options, new FakeTorrentInspector(), MovieSharing.none(),
        Clock.systemUTC());
  }

  @Test
  void environmentVariablesFillTheOptionsAndBlankMeansUnset() {
    StorageOptions options = StorageOptions.fromEnvironment(dataDirectory, Map.of(
        "SYNCER_DB_URL", "jdbc:postgresql://127.0.0.1/syncer", "SYNCER_DB_USER", "syncer",
        "SYNCER_DB_PASSWORD", "s3cret-password", "SYNCER_DB_SCHEMA", " ", "SYNCER_JWT_KEY", KEY));

    assertThat(options).isEqualTo(new StorageOptions(dataDirectory,
        "jdbc:postgresql://127.0.0.1/syncer", "syncer", "s3cret-password", null, KEY));
    assertThat(options.embeddedDatabase()).isFalse();
    assertThat(options.toString()).doesNotContain("s3cret-password", KEY);
    assertThat(StorageOptions.fromEnvironment(dataDirectory, Map.of()))
        .isEqualTo(StorageOptions.embedded(dataDirectory));
  }

  @Test
  void theEmbeddedDefaultKeepsDatabaseAndKeyInTheDataDirectory() {
    Path directory = dataDirectory.resolve("created-on-first-start");

    try (ServerStorage storage = open(StorageOptions.embedded(directory))) {
      storage.accounts().register("alice", "correct horse battery");
    }

    assertThat(directory.resolve("syncer.mv.db")).isRegularFile();
    assertThat(directory.resolve("jwt-signing.key")).isRegularFile();
  }

  @Test
  void aGivenKeyIsUsedInsteadOfAKeyFile() {
    StorageOptions options = new StorageOptions(dataDirectory, null, null, null, null, KEY);
    String token;
    try (ServerStorage storage = open(options)) {
      storage.accounts().register("alice", "correct horse battery");
      token = storage.accounts().logIn("alice", "correct horse battery").accessToken();
    }

    try (ServerStorage again = open(options)) {
      assertThat(again.tokenVerifier().verify(token).username()).isEqualTo("alice");
    }
    assertThat(Files.exists(dataDirectory.resolve("jwt-signing.key"))).isFalse();
  }

  @Test
  void roomsAdmitValidTokensAsTheirAccountAndRefuseEverythingElse() {
    try (ServerStorage storage = open(StorageOptions.embedded(dataDirectory))) {
      String id = storage.accounts().register("alice", "correct horse battery").id().toString();
      String token = storage.accounts().logIn("alice", "correct horse battery").accessToken();
      Authenticator rooms = storage.roomAuthenticator();

      assertThat(rooms.authenticate(Optional.of(token), Optional.of("Someone else")))
          .contains(new Principal(Optional.of(id), Optional.of("alice")));
      assertThat(rooms.authenticate(Optional.empty(), Optional.of("guest"))).isEmpty();
      assertThat(rooms.authenticate(Optional.of(token + "x"), Optional.empty())).isEmpty();
      storage.accounts().logOut(storage.tokenVerifier().verify(token));
      assertThat(rooms.authenticate(Optional.of(token), Optional.empty())).isEmpty();
    }
  }

  @Test
  void passwordsInsideDatabaseUrlsAreHiddenToo() {
    StorageOptions options = new StorageOptions(dataDirectory,
        "jdbc:postgresql://127.0.0.1:1/syncer?user=syncer&password=url-secret&connectTimeout=2",
        null, null, null, null);

    assertThat(options.toString()).doesNotContain("url-secret").contains("password=(hidden)");
    assertThatThrownBy(() -> open(options))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("127.0.0.1:1/syncer")
        .message().doesNotContain("url-secret");
  }

  @Test
  void anUnreachableDatabaseIsAClearErrorWithoutThePassword() {
    StorageOptions options = new StorageOptions(dataDirectory,
        "jdbc:postgresql://127.0.0.1:1/syncer?connectTimeout=2", "syncer", "s3cret-password",
        null, null);

    assertThatThrownBy(() -> open(options))
        .isInstanceOfSatisfying(StorageException.class,
            e -> assertThat(e.code()).isEqualTo("storage_unavailable"))
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/syncer")
        .message().doesNotContain("s3cret-password");
  }
}
