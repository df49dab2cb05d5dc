package io.syncer.core.account;

import java.nio.file.Path;
import java.util.Base64;

/**
 * Source of the secret that signs and verifies access tokens (HMAC-SHA256).
 *
 * <p>The key is never hard-coded: it is either generated on first start and kept in the data
 * directory ({@link #inDirectory(Path)}) or given by the operator ({@link #ofBase64(String)}).
 * Anyone who holds it can mint tokens for any user, so it must stay private.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface SigningKeyProvider {

  /** Smallest accepted key: 256 bits, the output size of SHA-256. */
  int MIN_KEY_BYTES = 32;

  /** Returns a copy of the key, at least {@link #MIN_KEY_BYTES} long. */
  byte[] signingKey();

  /**
   * The key in {@code directory/jwt-signing.key} (Base64 text); the file is created with a fresh
   * random 512-bit key, readable by the owner only, when it does not exist yet.
   *
   * @throws IllegalStateException when the file cannot be read or written, or holds a short key
   */
  static SigningKeyProvider inDirectory(Path directory) {
    byte[] key = SigningKeyFile.loadOrCreate(directory);
    return key::clone;
  }

  /**
   * A key given by the operator, Base64 encoded (for example from an environment variable).
   *
   * @throws IllegalArgumentException when it is not Base64 or shorter than {@link #MIN_KEY_BYTES}
   */
  static SigningKeyProvider ofBase64(String base64Key) {
    byte[] key = Base64.getDecoder().decode(base64Key.strip());
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "the token signing key must be at least " + MIN_KEY_BYTES + " bytes, got "
              + key.length);
    }
    return key::clone;
  }
}
