package io.syncer.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.core.store.InMemorySyncerStore;
import io.syncer.core.testing.MutableClock;
import io.syncer.core.testing.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyProviderTest {

  @TempDir Path dataDirectory;

  @Test
  void theKeyIsGeneratedOnceReadableByTheOwnerOnlyAndReusedAfterARestart() throws Exception {
    Path keyDirectory = dataDirectory.resolve("not-yet-created");

    byte[] first = SigningKeyProvider.inDirectory(keyDirectory).signingKey();
    byte[] second = SigningKeyProvider.inDirectory(keyDirectory).signingKey();

    Path file = keyDirectory.resolve("jwt-signing.key");
    assertThat(first).hasSize(64).isEqualTo(second);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (var files = Files.list(keyDirectory)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void tokensIssuedBeforeARestartStayValidWithTheSameDataDirectory() {
    InMemorySyncerStore store = new InMemorySyncerStore();
    MutableClock clock = MutableClock.atNewYear2026();
    AccountService before = AccountService.builder(store.accounts(),
        SigningKeyProvider.inDirectory(dataDirectory)).clock(clock)
        .argon2(TestAccounts.CHEAP_ARGON2).build();
    before.register("alice", "correct horse battery");
    String token = before.logIn("alice", "correct horse battery").accessToken();

    AccountService after = AccountService.builder(store.accounts(),
        SigningKeyProvider.inDirectory(dataDirectory)).clock(clock)
        .argon2(TestAccounts.CHEAP_ARGON2).build();

    assertThat(after.verify(token).username()).isEqualTo("alice");
  }

  @Test
  void shortOrMalformedKeysAreRefused() throws Exception {
    Files.writeString(dataDirectory.resolve("jwt-signing.key"),
        Base64.getEncoder().encodeToString(new byte[16]));

    assertThatThrownBy(() -> SigningKeyProvider.inDirectory(dataDirectory))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32");
    assertThatThrownBy(() -> SigningKeyProvider.ofBase64(
        Base64.getEncoder().encodeToString(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SigningKeyProvider.ofBase64("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    Files.writeString(dataDirectory.resolve("jwt-signing.key"), "%%%");
    assertThatThrownBy(() -> SigningKeyProvider.inDirectory(dataDirectory))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Base64");
  }

  @Test
  void aGivenKeyIsUsedAsIs() {
    byte[] key = new byte[40];
    key[0] = 42;

    byte[] returned = SigningKeyProvider.ofBase64(Base64.getEncoder().encodeToString(key))
        .signingKey();
    returned[1] = 7;

    assertThat(SigningKeyProvider.ofBase64(Base64.getEncoder().encodeToString(key)).signingKey())
        .isEqualTo(key);
  }
}
