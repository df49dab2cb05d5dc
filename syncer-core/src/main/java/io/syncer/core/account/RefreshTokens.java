package io.syncer.core.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Refresh tokens are 256 random bits; only their SHA-256 hash is stored. A fast hash is enough
 * because the input has full entropy (unlike passwords), and it keeps look-ups indexable.
 */
final class RefreshTokens {

  /** Longer input cannot be a token of ours; refused before hashing. */
  static final int MAX_LENGTH = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private RefreshTokens() {}

  static String newToken() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
