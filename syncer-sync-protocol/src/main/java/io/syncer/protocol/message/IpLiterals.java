package io.syncer.protocol.message;

/** Syntax of IP address literals, checked without any name resolution. */
final class IpLiterals {

  private IpLiterals() {}

  /** Dotted-quad IPv4, decimal octets 0..255 without leading zeros. */
  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4291 text form (any case, {@code ::} compression, trailing IPv4), no zone, no brackets. */
  static boolean isIpv6(String s) {
    if (s.length() > 45 || s.length() < 2) {
      return false;
    }
    int compression = s.indexOf("::");
    if (compression >= 0 && s.indexOf("::", compression + 1) >= 0) {
      return false;
    }
    if (compression < 0) {
      return groups(s, true) == 8;
    }
    String head = s.substring(0, compression);
    String tail = s.substring(compression + 2);
    int headGroups = head.isEmpty() ? 0 : groups(head, false);
    int tailGroups = tail.isEmpty() ? 0 : groups(tail, true);
    return headGroups >= 0 && tailGroups >= 0 && headGroups + tailGroups <= 7;
  }

  /**
   * Counts the 16-bit groups of a colon-separated run (an IPv4 tail counts as two), or -1 when the
   * run is malformed.
   */
  private static int groups(String run, boolean ipv4TailAllowed) {
    String[] parts = run.split(":", -1);
    int count = 0;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      if (last && ipv4TailAllowed && part.indexOf('.') >= 0) {
        if (!isIpv4(part)) {
          return -1;
        }
        count += 2;
      } else if (part.matches("[0-9a-fA-F]{1,4}")) {
        count++;
      } else {
        return -1;
      }
    }
    return count;
  }
}
