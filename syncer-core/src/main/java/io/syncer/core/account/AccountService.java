package io.syncer.core.account;

import io.syncer.core.error.AuthenticationException;
import io.syncer.core.error.ConflictException;
import io.syncer.core.error.InvalidInputException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.error.RateLimitedException;
import io.syncer.core.error.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts and login sessions: register, log in, refresh, log out, change password, and verify
 * access tokens.
 *
 * <p>Passwords are hashed with Argon2id. A log-in opens a session and returns a {@link TokenPair}:
 * a short-lived JWT access token (default 15 minutes) naming the session, and a refresh token
 * (default 30 days) that is exchanged for a new pair on every refresh (rotation). Presenting an
 * already-rotated refresh token again ends the session, since only a copy can do that. Logging
 * out or changing the password ends sessions, and {@link #verify} refuses their access tokens at
 * once.
 *
 * <p>Every refusal is a typed {@link io.syncer.core.error.ServiceException}; passwords, hashes
 * and tokens never appear in messages or logs. Any method may throw {@link StorageException}.
 *
 * <p>Thread-safety: safe for concurrent use; state lives in the {@link AccountStore}.
 */
public final class AccountService implements TokenVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

  private final AccountStore store;
  private final Clock clock;
  private final Duration accessTokenLifetime;
  private final Duration refreshTokenLifetime;
  private final PasswordHasher hasher;
  private final AccessTokens accessTokens;
  private final LoginThrottle throttle;

  private AccountService(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.accessTokenLifetime = b.accessTokenLifetime;
    this.refreshTokenLifetime = b.refreshTokenLifetime;
    this.hasher = new PasswordHasher(b.argon2);
    this.accessTokens = new AccessTokens(b.signingKeys.signingKey(), b.clock);
    this.throttle = new LoginThrottle(b.maxLoginFailures, b.lockout, b.clock);
  }

  /** Starts building a service over {@code store} that signs tokens with {@code signingKeys}. */
  public static Builder builder(AccountStore store, SigningKeyProvider signingKeys) {
    return new Builder(store, signingKeys);
  }

  /**
   * Registers a new account.
   *
   * @throws InvalidInputException {@code invalid_username} or {@code invalid_password}
   * @throws ConflictException {@code username_taken} (names are unique ignoring ASCII case)
   */
  public Account register(String username, String password) {
    AccountRules.checkUsername(username);
    AccountRules.checkNewPassword(username, password);
    StoredAccount account =
        new StoredAccount(UUID.randomUUID(), username, hasher.hash(password), now());
    store.insertAccount(account);
    LOG.info("registered account {} ({})", account.username(), account.id());
    return account.account();
  }

  /**
   * Checks the password and opens a session.
   *
   * @throws AuthenticationException {@code invalid_credentials}, the same for an unknown user and
   *     a wrong password
   * @throws RateLimitedException {@code too_many_attempts} after repeated failures for this name
   */
  public TokenPair logIn(String username, String password) {
    if (username == null || username.length() > AccountRules.MAX_USERNAME
        || !AccountRules.plausiblePassword(password)) {
      throw wrongCredentials();
    }
    String key = username.toLowerCase(Locale.ROOT);
    throttle.checkAllowed(key);
    Optional<StoredAccount> found = store.findAccountByUsername(username);
    if (found.isEmpty()) {
      hasher.spendVerificationTime(password);
      throttle.recordFailure(key);
      LOG.info("log-in refused: unknown username");
      throw wrongCredentials();
    }
    StoredAccount account = found.get();
    if (!hasher.matches(password, account.passwordHash())) {
      throttle.recordFailure(key);
      LOG.info("log-in refused for {}: wrong password", account.username());
      throw wrongCredentials();
    }
    throttle.recordSuccess(key);
    store.deleteExpiredSessions(now());
    LOG.info("{} logged in", account.username());
    return openSession(account.account());
  }

  /**
   * Exchanges a refresh token for a new pair; the old refresh token stops working.
   *
   * @throws AuthenticationException {@code invalid_refresh_token} (unknown, expired, or already
   *     used, which also ends the session)
   */
  public TokenPair refresh(String refreshToken) {
    if (refreshToken == null || refreshToken.isEmpty()
        || refreshToken.length() > RefreshTokens.MAX_LENGTH) {
      throw invalidRefreshToken();
    }
    String hash = RefreshTokens.hash(refreshToken);
    StoredSession session =
        store.findSessionByRefreshTokenHash(hash).orElseThrow(AccountService::invalidRefreshToken);
    if (!hash.equals(session.refreshTokenHash())) {
      store.deleteSession(session.id());
      LOG.warn("an already used refresh token was presented again; ended session {}",
          session.id());
      throw invalidRefreshToken();
    }
    Instant now = now();
    if (!now.isBefore(session.refreshExpiresAt())) {
      store.deleteSession(session.id());
      throw invalidRefreshToken();
    }
    Account account = store.findAccountById(session.accountId())
        .map(StoredAccount::account)
        .orElseThrow(AccountService::invalidRefreshToken);
    String newRefreshToken = RefreshTokens.newToken();
    Instant refreshExpiresAt = now.plus(refreshTokenLifetime);
    if (!store.rotateRefreshToken(
        session.id(), hash, RefreshTokens.hash(newRefreshToken), refreshExpiresAt)) {
      // Another request redeemed the same token a moment ago.
      throw invalidRefreshToken();
    }
    return tokens(new AuthenticatedUser(account.id(), account.username(), session.id()), now,
        newRefreshToken, refreshExpiresAt, account);
  }

  /** Ends the user's session: its access and refresh tokens stop working at once. */
  public void logOut(AuthenticatedUser user) {
    if (store.deleteSession(user.sessionId())) {
      LOG.info("{} logged out", user.username());
    }
  }

  /**
   * Changes the password after checking the current one, ends every session of the account
   * (all devices are logged out) and opens a new one for the caller.
   *
   * @throws AuthenticationException {@code invalid_credentials} when the current password is wrong
   * @throws InvalidInputException {@code invalid_password} when the new one breaks the policy
   */
  public TokenPair changePassword(
      AuthenticatedUser user, String currentPassword, String newPassword) {
    StoredAccount account = store.findAccountById(user.userId())
        .orElseThrow(() -> new AuthenticationException("session_ended", "The account is gone"));
    String key = account.username().toLowerCase(Locale.ROOT);
    throttle.checkAllowed(key);
    if (!AccountRules.plausiblePassword(currentPassword)
        || !hasher.matches(currentPassword, account.passwordHash())) {
      throttle.recordFailure(key);
      LOG.info("password change refused for {}: wrong current password", account.username());
      throw wrongCredentials();
    }
    AccountRules.checkNewPassword(account.username(), newPassword);
    store.replacePasswordHashAndEndSessions(account.id(), hasher.hash(newPassword));
    LOG.info("{} changed their password; all their sessions ended", account.username());
    return openSession(account.account());
  }

  /** The account of an authenticated user. */
  public Account account(AuthenticatedUser user) {
    return store.findAccountById(user.userId())
        .map(StoredAccount::account)
        .orElseThrow(() -> new NotFoundException("account_not_found", "No such account"));
  }

  @Override
  public AuthenticatedUser verify(String accessToken) {
    AuthenticatedUser user = accessTokens.verify(accessToken);
    Optional<StoredSession> session = store.findSession(user.sessionId());
    if (session.isEmpty()
        || !session.get().accountId().equals(user.userId())
        || !now().isBefore(session.get().refreshExpiresAt())) {
      throw new AuthenticationException("session_ended",
          "This session has ended (logged out or password changed); log in again");
    }
    return user;
  }

  private TokenPair openSession(Account account) {
    Instant now = now();
    String refreshToken = RefreshTokens.newToken();
    Instant refreshExpiresAt = now.plus(refreshTokenLifetime);
    StoredSession session = new StoredSession(UUID.randomUUID(), account.id(),
        RefreshTokens.hash(refreshToken), null, now, refreshExpiresAt);
    store.insertSession(session);
    return tokens(new AuthenticatedUser(account.id(), account.username(), session.id()), now,
        refreshToken, refreshExpiresAt, account);
  }

  private TokenPair tokens(AuthenticatedUser user, Instant now, String refreshToken,
      Instant refreshExpiresAt, Account account) {
    // JWT times have whole-second resolution.
    Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
    Instant accessExpiresAt = issuedAt.plus(accessTokenLifetime);
    return new TokenPair(accessTokens.issue(user, issuedAt, accessExpiresAt), accessExpiresAt,
        refreshToken, refreshExpiresAt, account);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static AuthenticationException wrongCredentials() {
    return new AuthenticationException("invalid_credentials", "Wrong username or password");
  }

  private static AuthenticationException invalidRefreshToken() {
    return new AuthenticationException("invalid_refresh_token",
        "The refresh token is not valid (unknown, expired or already used); log in again");
  }

  /**
   * Configures an {@link AccountService}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread, then {@link #build()}.
   */
  public static final class Builder {
    private final AccountStore store;
    private final SigningKeyProvider signingKeys;
    private Clock clock = Clock.systemUTC();
    private Duration accessTokenLifetime = Duration.ofMinutes(15);
    private Duration refreshTokenLifetime = Duration.ofDays(30);
    private Argon2Settings argon2 = Argon2Settings.RECOMMENDED;
    private int maxLoginFailures = 5;
    private Duration lockout = Duration.ofMinutes(1);

    private Builder(AccountStore store, SigningKeyProvider signingKeys) {
      this.store = Objects.requireNonNull(store, "store");
      this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
    }

    /** Wall clock for token expiry and timestamps; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long an access token is accepted; default 15 minutes. */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = positive(lifetime, "accessTokenLifetime");
      return this;
    }

    /** How long a refresh token is accepted after it was issued; default 30 days. */
    public Builder refreshTokenLifetime(Duration lifetime) {
      this.refreshTokenLifetime = positive(lifetime, "refreshTokenLifetime");
      return this;
    }

    /** Cost of password hashing; default {@link Argon2Settings#RECOMMENDED}. */
    public Builder argon2(Argon2Settings settings) {
      this.argon2 = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * After {@code maxFailures} failed log-ins for one name within {@code lockout}, refuse
     * attempts for that name during {@code lockout}; default 5 and 1 minute.
     */
    public Builder loginThrottle(int maxFailures, Duration lockout) {
      if (maxFailures < 1) {
        throw new IllegalArgumentException("maxFailures must be at least 1");
      }
      this.maxLoginFailures = maxFailures;
      this.lockout = positive(lockout, "lockout");
      return this;
    }

    public AccountService build() {
      return new AccountService(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return d;
    }
  }
}
