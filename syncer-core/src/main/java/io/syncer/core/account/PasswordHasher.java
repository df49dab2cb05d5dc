package io.syncer.core.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id hashing through spring-security-crypto (which delegates to Bouncy Castle). */
final class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Argon2PasswordEncoder encoder;
  /**
   * A hash of a random password made with the current settings, checked when the username is
   * unknown so that a failed log-in costs the same whether or not the account exists.
   */
  private final String decoyHash;

  PasswordHasher(Argon2Settings settings) {
    this.encoder = new Argon2PasswordEncoder(
        SALT_BYTES, HASH_BYTES, settings.parallelism(), settings.memoryKiB(),
        settings.iterations());
    this.decoyHash = encoder.encode(RefreshTokens.newToken());
  }

  String hash(String password) {
    return encoder.encode(password);
  }

  boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  /** Spends the time of one verification, for a username that does not exist. */
  void spendVerificationTime(String password) {
    encoder.matches(password, decoyHash);
  }
}
