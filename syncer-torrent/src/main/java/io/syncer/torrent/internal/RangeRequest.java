package io.syncer.torrent.internal;

/**
 * What an HTTP {@code Range} header asks of a representation of a known length (RFC 9110
 * section 14): the whole of it, one range of it, nothing satisfiable, or nonsense.
 *
 * <p>Only single {@code bytes} ranges are served partially; a header with another unit or with
 * several ranges is ignored (the whole representation is served), which RFC 9110 allows.
 *
 * @param kind the outcome
 * @param start first byte served (for {@link Kind#FULL} 0)
 * @param end last byte served, inclusive (for {@link Kind#FULL} length - 1)
 */
public record RangeRequest(Kind kind, long start, long end) {

  public enum Kind { FULL, PARTIAL, UNSATISFIABLE, MALFORMED }

  /** Longest {@code Range} header looked at; longer ones are malformed. */
  static final int MAX_HEADER_LENGTH = 200;

  public long length() {
    return end - start + 1;
  }

  /** Interprets {@code header} (null when absent) against a representation of {@code length}. */
  public static RangeRequest parse(String header, long length) {
    RangeRequest full = new RangeRequest(Kind.FULL, 0, length - 1);
    if (header == null) {
      return full;
    }
    String value = header.strip();
    if (value.length() > MAX_HEADER_LENGTH) {
      return new RangeRequest(Kind.MALFORMED, 0, -1);
    }
    int equals = value.indexOf('=');
    if (equals < 0) {
      return new RangeRequest(Kind.MALFORMED, 0, -1);
    }
    if (!value.substring(0, equals).strip().equalsIgnoreCase("bytes")) {
      return full;
    }
    String spec = value.substring(equals + 1).strip();
    if (spec.indexOf(',') >= 0) {
      return full;
    }
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return new RangeRequest(Kind.MALFORMED, 0, -1);
    }
    String first = spec.substring(0, dash).strip();
    String last = spec.substring(dash + 1).strip();
    if (first.isEmpty()) {
      long suffix = number(last);
      if (suffix < 0) {
        return new RangeRequest(Kind.MALFORMED, 0, -1);
      }
      if (suffix == 0 || length == 0) {
        return new RangeRequest(Kind.UNSATISFIABLE, 0, -1);
      }
      return new RangeRequest(Kind.PARTIAL, Math.max(0, length - suffix), length - 1);
    }
    long start = number(first);
    long end = last.isEmpty() ? Long.MAX_VALUE : number(last);
    if (start < 0 || end < 0 || end < start) {
      return new RangeRequest(Kind.MALFORMED, 0, -1);
    }
    if (start >= length) {
      return new RangeRequest(Kind.UNSATISFIABLE, 0, -1);
    }
    return new RangeRequest(Kind.PARTIAL, start, Math.min(end, length - 1));
  }

  /** A non-negative decimal of at most 18 digits, or -1. */
  private static long number(String digits) {
    if (digits.isEmpty() || digits.length() > 18) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(digits);
  }
}
