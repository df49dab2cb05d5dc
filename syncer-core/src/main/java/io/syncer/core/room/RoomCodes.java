package io.syncer.core.room;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Room codes people read aloud and type: {@value #LENGTH} characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L, and no U to avoid V/U confusion), drawn from {@link SecureRandom}: 30^10 ≈ 2^49 codes, so
 * guessing one of even a million open rooms takes ~2^29 tries against a per-connection limit.
 *
 * <p>Thread-safety: safe for concurrent use ({@link SecureRandom} is thread-safe).
 */
public final class RoomCodes {

  /** The room alphabet: digits 2–9 and the capitals A–Z without I, L, O and U. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** Length of generated codes. */
  public static final int LENGTH = 10;

  /** Shortest and longest code the wire accepts. */
  public static final int MIN_LENGTH = 8;

  public static final int MAX_LENGTH = 16;

  private final RandomGenerator random;

  /** Codes from a fresh {@link SecureRandom}. */
  public RoomCodes() {
    this(new SecureRandom());
  }

  /** Codes from {@code random}; pass a seeded generator only in tests and simulations. */
  public RoomCodes(RandomGenerator random) {
    this.random = random;
  }

  /** A new random code. */
  public String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /**
   * The canonical form of what a person typed: upper case, without spaces and dashes; empty when
   * the result is not a possible code (wrong length or a character outside the alphabet).
   */
  public static Optional<String> normalize(String typed) {
    if (typed == null || typed.length() > 4 * MAX_LENGTH) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(typed.length());
    for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
      if (c == ' ' || c == '-') {
        continue;
      }
      if (ALPHABET.indexOf(c) < 0) {
        return Optional.empty();
      }
      code.append(c);
    }
    return code.length() >= MIN_LENGTH && code.length() <= MAX_LENGTH
        ? Optional.of(code.toString())
        : Optional.empty();
  }
}
