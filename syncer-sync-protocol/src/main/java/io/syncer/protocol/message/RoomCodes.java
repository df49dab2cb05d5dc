package io.syncer.protocol.message;

import java.util.Locale;
import java.util.Optional;

/**
 * The room-code alphabet: Crockford's Base32 (digits and upper-case letters without I, L, O, U),
 * 5 bits per character, so the shortest code (8 characters) carries 40 bits.
 *
 * <p>On the wire codes are always in canonical form; {@link #normalize} turns what a person typed
 * into that form.
 *
 * <p>Thread-safety: stateless.
 */
public final class RoomCodes {

  /** The 32 characters a room code is made of, in Base32 digit order. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 16;

  private RoomCodes() {}

  /** Whether {@code code} is a canonical room code. */
  public static boolean isValid(String code) {
    if (code.length() < MIN_LENGTH || code.length() > MAX_LENGTH) {
      return false;
    }
    return code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
  }

  /**
   * The canonical code a person meant: drops spaces and hyphens, upper-cases, reads {@code O} as
   * {@code 0} and {@code I}/{@code L} as {@code 1}. Empty when the result is not a valid code.
   */
  public static Optional<String> normalize(String typed) {
    String code =
        typed
            .replace(" ", "")
            .replace("-", "")
            .toUpperCase(Locale.ROOT)
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    return isValid(code) ? Optional.of(code) : Optional.empty();
  }
}
