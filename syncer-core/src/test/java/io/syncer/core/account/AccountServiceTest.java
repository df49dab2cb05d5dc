package io.syncer.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.core.error.AuthenticationException;
import io.syncer.core.error.ConflictException;
import io.syncer.core.error.ErrorKind;
import io.syncer.core.error.InvalidInputException;
import io.syncer.core.error.RateLimitedException;
import io.syncer.core.error.ServiceException;
import io.syncer.core.store.InMemorySyncerStore;
import io.syncer.core.testing.MutableClock;
import io.syncer.core.testing.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountServiceTest {

  private static final String PASSWORD = "correct horse battery";

  private final InMemorySyncerStore store = new InMemorySyncerStore();
  private final MutableClock clock = MutableClock.atNewYear2026();
  private final AccountService accounts = TestAccounts.service(store.accounts(), clock);

  private static void assertRefused(ThrowingCallable call, Class<? extends ServiceException> type,
      String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(type,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void aRegisteredUserLogsInAndTheAccessTokenNamesThem() {
    Account alice = accounts.register("Alice", PASSWORD);

    TokenPair tokens = accounts.logIn("alice", PASSWORD);
    AuthenticatedUser user = accounts.verify(tokens.accessToken());

    assertThat(user.userId()).isEqualTo(alice.id());
    assertThat(user.username()).isEqualTo("Alice");
    assertThat(tokens.account()).isEqualTo(alice);
    assertThat(tokens.accessTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    assertThat(tokens.refreshTokenExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    assertThat(accounts.account(user)).isEqualTo(alice);
  }

  @Test
  void passwordsAreStoredAsArgon2idHashesOnly() {
    accounts.register("alice", PASSWORD);

    String hash = store.accounts().findAccountByUsername("alice").orElseThrow().passwordHash();

    assertThat(hash).startsWith("$argon2id$").doesNotContain(PASSWORD);
  }

  @Test
  void secretsNeverShowInToStrings() {
    accounts.register("alice", PASSWORD);
    TokenPair tokens = accounts.logIn("alice", PASSWORD);
    StoredAccount stored = store.accounts().findAccountByUsername("alice").orElseThrow();

    assertThat(tokens.toString()).doesNotContain(tokens.accessToken(), tokens.refreshToken());
    assertThat(stored.toString()).doesNotContain(stored.passwordHash());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ab", "a-name-that-is-far-too-long-for-us", "with space", ".dot",
      "o'brien", "x;DROP TABLE accounts", "émile", "tab\tname", "nul\0name"})
  void malformedUsernamesAreRefused(String username) {
    assertRefused(() -> accounts.register(username, PASSWORD), InvalidInputException.class,
        "invalid_username");
    assertThat(store.accounts().findAccountByUsername(username)).isEmpty();
  }

  @Test
  void usernamesAreUniqueIgnoringCase() {
    accounts.register("alice", PASSWORD);

    assertRefused(() -> accounts.register("ALICE", "another password 1"), ConflictException.class,
        "username_taken");
    assertThat(accounts.logIn("Alice", PASSWORD)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "123456789", "aaaaaaaaaaaaaaaa", "abababababab",
      "my-alice-password"})
  void weakPasswordsAreRefused(String password) {
    assertRefused(() -> accounts.register("alice", password), InvalidInputException.class,
        "invalid_password");
    assertThat(store.accounts().findAccountByUsername("alice")).isEmpty();
  }

  @Test
  void overlongPasswordsAreRefused() {
    assertRefused(() -> accounts.register("alice", "x1".repeat(65)), InvalidInputException.class,
        "invalid_password");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    accounts.register("alice", PASSWORD);

    Throwable wrongPassword = org.assertj.core.api.Assertions.catchThrowable(
        () -> accounts.logIn("alice", "wrong password!"));
    Throwable unknownUser = org.assertj.core.api.Assertions.catchThrowable(
        () -> accounts.logIn("mallory", PASSWORD));

    assertThat(wrongPassword).isInstanceOf(AuthenticationException.class)
        .hasMessage(unknownUser.getMessage());
    assertThat(((ServiceException) wrongPassword).code()).isEqualTo("invalid_credentials");
    assertThat(((ServiceException) unknownUser).code()).isEqualTo("invalid_credentials");
    assertRefused(() -> accounts.logIn(null, null), AuthenticationException.class,
        "invalid_credentials");
    assertRefused(() -> accounts.logIn("alice", "p".repeat(10_000)),
        AuthenticationException.class, "invalid_credentials");
  }

  @Test
  void repeatedFailuresLockTheNameForAWhileEvenForTheRightPassword() {
    accounts.register("alice", PASSWORD);
    for (int i = 0; i < 5; i++) {
      assertRefused(() -> accounts.logIn("alice", "wrong password!"),
          AuthenticationException.class, "invalid_credentials");
    }

    assertRefused(() -> accounts.logIn("ALICE", PASSWORD), RateLimitedException.class,
        "too_many_attempts");

    clock.advance(Duration.ofMinutes(1));
    assertThat(accounts.logIn("alice", PASSWORD)).isNotNull();
  }

  @Test
  void anExpiredAccessTokenIsRefused() {
    accounts.register("alice", PASSWORD);
    TokenPair tokens = accounts.logIn("alice", PASSWORD);

    clock.advance(Duration.ofMinutes(14));
    assertThat(accounts.verify(tokens.accessToken()).username()).isEqualTo("alice");
    clock.advance(Duration.ofMinutes(1));

    assertRefused(() -> accounts.verify(tokens.accessToken()), AuthenticationException.class,
        "token_expired");
  }

  @Test
  void tamperedForgedAndGarbageTokensAreRefused() {
    Account alice = accounts.register("alice", PASSWORD);
    Account bob = accounts.register("bob", PASSWORD);
    String token = accounts.logIn("alice", PASSWORD).accessToken();
    String[] parts = token.split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String bobPayload = b64.encodeToString(payload.replace(alice.id().toString(),
        bob.id().toString()).getBytes(StandardCharsets.UTF_8));
    String noneHeader = b64.encodeToString(
        "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    AccountService otherServer = TestAccounts.service(store.accounts(), clock);
    String foreign = otherServer.logIn("alice", PASSWORD).accessToken();
    // Flip the first character: the last one of a Base64url HMAC carries padding bits, so
    // changing it can leave the decoded signature unchanged (a flaky test before).
    char first = parts[2].charAt(0);
    String flippedSignature = parts[0] + "." + parts[1] + "."
        + (first == 'A' ? 'B' : 'A') + parts[2].substring(1);

    for (String bad : new String[] {parts[0] + "." + bobPayload + "." + parts[2],
        noneHeader + "." + parts[1] + ".", flippedSignature, foreign, "garbage", "",
        "a.b.c", token + "x".repeat(5000)}) {
      assertRefused(() -> accounts.verify(bad), AuthenticationException.class, "invalid_token");
    }
    assertRefused(() -> accounts.verify(null), AuthenticationException.class, "invalid_token");
    assertThat(accounts.verify(token).userId()).isEqualTo(alice.id());
  }

  @Test
  void aRefreshTokenIsExchangedOnceAndReusingItEndsTheSession() {
    accounts.register("alice", PASSWORD);
    TokenPair first = accounts.logIn("alice", PASSWORD);
    clock.advance(Duration.ofMinutes(20));

    TokenPair second = accounts.refresh(first.refreshToken());
    assertThat(accounts.verify(second.accessToken()).username()).isEqualTo("alice");
    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());

    assertRefused(() -> accounts.refresh(first.refreshToken()), AuthenticationException.class,
        "invalid_refresh_token");
    assertRefused(() -> accounts.verify(second.accessToken()), AuthenticationException.class,
        "session_ended");
    assertRefused(() -> accounts.refresh(second.refreshToken()), AuthenticationException.class,
        "invalid_refresh_token");
  }

  @Test
  void refreshTokensExpireAndUnknownOnesAreRefused() {
    accounts.register("alice", PASSWORD);
    TokenPair tokens = accounts.logIn("alice", PASSWORD);

    clock.advance(Duration.ofDays(30));

    assertRefused(() -> accounts.refresh(tokens.refreshToken()), AuthenticationException.class,
        "invalid_refresh_token");
    for (String bad : new String[] {null, "", "not-a-token", "r".repeat(500)}) {
      assertRefused(() -> accounts.refresh(bad), AuthenticationException.class,
          "invalid_refresh_token");
    }
  }

  @Test
  void loggingOutRevokesBothTokensOfThatSessionOnly() {
    accounts.register("alice", PASSWORD);
    TokenPair laptop = accounts.logIn("alice", PASSWORD);
    TokenPair phone = accounts.logIn("alice", PASSWORD);

    accounts.logOut(accounts.verify(laptop.accessToken()));

    assertRefused(() -> accounts.verify(laptop.accessToken()), AuthenticationException.class,
        "session_ended");
    assertRefused(() -> accounts.refresh(laptop.refreshToken()), AuthenticationException.class,
        "invalid_refresh_token");
    assertThat(accounts.verify(phone.accessToken()).username()).isEqualTo("alice");
  }

  @Test
  void changingThePasswordEndsEverySessionAndOpensANewOne() {
    accounts.register("alice", PASSWORD);
    TokenPair laptop = accounts.logIn("alice", PASSWORD);
    TokenPair phone = accounts.logIn("alice", PASSWORD);

    TokenPair fresh = accounts.changePassword(accounts.verify(laptop.accessToken()), PASSWORD,
        "a brand new secret");

    assertRefused(() -> accounts.verify(laptop.accessToken()), AuthenticationException.class,
        "session_ended");
    assertRefused(() -> accounts.verify(phone.accessToken()), AuthenticationException.class,
        "session_ended");
    assertThat(accounts.verify(fresh.accessToken()).username()).isEqualTo("alice");
    assertRefused(() -> accounts.logIn("alice", PASSWORD), AuthenticationException.class,
        "invalid_credentials");
    assertThat(accounts.logIn("alice", "a brand new secret")).isNotNull();
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndAValidNewOne() {
    accounts.register("alice", PASSWORD);
    AuthenticatedUser user = accounts.verify(accounts.logIn("alice", PASSWORD).accessToken());

    assertRefused(() -> accounts.changePassword(user, "wrong password!", "a brand new secret"),
        AuthenticationException.class, "invalid_credentials");
    assertRefused(() -> accounts.changePassword(user, PASSWORD, "short"),
        InvalidInputException.class, "invalid_password");

    assertThat(accounts.verify(accounts.logIn("alice", PASSWORD).accessToken()).username())
        .isEqualTo("alice");
  }

  @Test
  void everyRefusalHasAKindMatchingItsType() {
    assertThatThrownBy(() -> accounts.logIn("nobody", PASSWORD))
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED));
    assertThatThrownBy(() -> accounts.register("x", PASSWORD))
        .isInstanceOfSatisfying(ServiceException.class,
            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT));
  }
}
