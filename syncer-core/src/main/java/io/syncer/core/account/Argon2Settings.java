package io.syncer.core.account;

import io.syncer.core.error.InvalidInputException;

/**
 * Cost of the Argon2id password hash.
 *
 * <p>Each hash records the settings it was made with, so changing them is safe: existing
 * passwords still verify, and new and changed passwords get the new cost.
 *
 * @param memoryKiB memory per hash in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 *     <p>Thread-safety: immutable.
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

  /** The OWASP recommendation for Argon2id: 19 MiB, 2 iterations, 1 lane. */
  public static final Argon2Settings RECOMMENDED = new Argon2Settings(19 * 1024, 2, 1);

  public Argon2Settings {
    if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
      throw new InvalidInputException(
          "invalid_argon2_settings",
          "Argon2 needs parallelism >= 1, iterations >= 1 and memoryKiB >= 8 * parallelism");
    }
  }
}
