package io.syncer.protocol.message;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * Field rules shared by the records. Messages name the field and the rule, never the rejected
 * value: a value may be a secret (a token) or hostile (megabytes of text) and ends up in logs.
 */
final class Check {

  /** Largest integer every JSON implementation represents exactly (2^53 - 1). */
  static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  static final double MIN_RATE = 0.25;
  static final double MAX_RATE = 4.0;

  private Check() {}

  /** Any integer in [-(2^53-1), 2^53-1]. */
  static long safe(String field, long value) {
    if (value < -MAX_SAFE_INTEGER || value > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException(field + ": must be within +-(2^53-1), got " + value);
    }
    return value;
  }

  /** An integer in [0, 2^53-1]. */
  static long nonNegative(String field, long value) {
    if (value < 0 || value > MAX_SAFE_INTEGER) {
      throw new IllegalArgumentException(field + ": must be in 0..2^53-1, got " + value);
    }
    return value;
  }

  static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          field + ": must be in " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  static double rate(String field, double value) {
    if (!(value >= MIN_RATE && value <= MAX_RATE)) {
      throw new IllegalArgumentException(
          field + ": must be in " + MIN_RATE + ".." + MAX_RATE + ", got " + value);
    }
    return value;
  }

  static OptionalLong rid(OptionalLong rid) {
    Objects.requireNonNull(rid, "rid");
    if (rid.isPresent() && (rid.getAsLong() < 1 || rid.getAsLong() > MAX_SAFE_INTEGER)) {
      throw new IllegalArgumentException("rid: must be in 1..2^53-1, got " + rid.getAsLong());
    }
    return rid;
  }

  static OptionalLong optionalNonNegative(String field, OptionalLong value) {
    Objects.requireNonNull(value, field);
    value.ifPresent(v -> nonNegative(field, v));
    return value;
  }

  /**
   * Human-readable text: well-formed Unicode of at most {@code maxCodePoints} code points, without
   * control characters (category Cc) unless {@code controlsAllowed}.
   */
  static String text(
      String field, String value, int minCodePoints, int maxCodePoints, boolean controlsAllowed) {
    Objects.requireNonNull(value, field);
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        throw new IllegalArgumentException(field + ": contains an unpaired surrogate");
      }
      if (!controlsAllowed && Character.getType(cp) == Character.CONTROL) {
        throw new IllegalArgumentException(field + ": must not contain control characters");
      }
      i += Character.charCount(cp);
      count++;
      if (count > maxCodePoints) {
        break;
      }
    }
    if (count < minCodePoints || count > maxCodePoints) {
      throw new IllegalArgumentException(
          field + ": must be " + minCodePoints + ".." + maxCodePoints + " characters long");
    }
    return value;
  }

  /** A display name: 1..64 characters, no control characters. */
  static String displayName(String field, String value) {
    return text(field, value, 1, 64, false);
  }

  /** Printable ASCII (U+0021..U+007E), {@code min..max} characters: ids, tokens, magnets. */
  static String printableAscii(String field, String value, int min, int max) {
    Objects.requireNonNull(value, field);
    if (value.length() < min || value.length() > max) {
      throw new IllegalArgumentException(field + ": must be " + min + ".." + max + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(
            field + ": must be printable ASCII without spaces (U+0021..U+007E)");
      }
    }
    return value;
  }

  /** An identifier (member, session, media): 1..64 printable ASCII characters. */
  static String id(String field, String value) {
    return printableAscii(field, value, 1, 64);
  }

  /** A list of distinct identifiers, copied. */
  static List<String> distinctIds(String field, List<String> ids) {
    List<String> copy = List.copyOf(Objects.requireNonNull(ids, field));
    if (new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException(field + ": contains a member id twice");
    }
    copy.forEach(id -> id(field + "[]", id));
    return copy;
  }

  /** A BitTorrent v1 info-hash: 40 lowercase hex digits. */
  static String infoHash(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!value.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException(field + ": must be 40 lowercase hex digits");
    }
    return value;
  }

  static String roomCode(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!RoomCodes.isValid(value)) {
      throw new IllegalArgumentException(
          field + ": must be " + RoomCodes.MIN_LENGTH + ".." + RoomCodes.MAX_LENGTH
              + " characters of the room alphabet " + RoomCodes.ALPHABET);
    }
    return value;
  }

  /** An IPv4 dotted quad or an IPv6 address without brackets or zone; never resolves names. */
  static String ipLiteral(String field, String value) {
    Objects.requireNonNull(value, field);
    if (!(IpLiterals.isIpv4(value) || IpLiterals.isIpv6(value))) {
      throw new IllegalArgumentException(field + ": must be an IPv4 or IPv6 address literal");
    }
    return value;
  }

  static Optional<String> optional(
      String field, Optional<String> value, UnaryOperator<String> rule) {
    Objects.requireNonNull(value, field);
    value.ifPresent(rule::apply);
    return value;
  }
}
