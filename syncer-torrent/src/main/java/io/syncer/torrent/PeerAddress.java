package io.syncer.torrent;

import java.util.Objects;

/**
 * A BitTorrent peer's host (name or IP literal, IPv6 without brackets) and TCP port.
 *
 * <p>Thread-safety: immutable.
 *
 * @param host host name or IP literal, at most 253 characters, no whitespace
 * @param port TCP port, 1..65535
 */
public record PeerAddress(String host, int port) {
  private static final int MAX_HOST_LENGTH = 253;

  public PeerAddress {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
      throw new IllegalArgumentException("peer host must have 1.." + MAX_HOST_LENGTH + " characters");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c == '/' || c == '[' || c == ']' || c == '@' || c == '%' || c > '~') {
        throw new IllegalArgumentException("peer host contains an illegal character: " + host);
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("peer port must be 1..65535, was " + port);
    }
  }

  /**
   * Parses {@code host:port} or {@code [ipv6]:port}.
   *
   * @throws IllegalArgumentException with a message naming the problem
   */
  public static PeerAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf("]:");
      if (close < 0) {
        throw new IllegalArgumentException("expected [ipv6]:port, got: " + excerpt(text));
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || text.indexOf(':') != colon) {
        throw new IllegalArgumentException("expected host:port, got: " + excerpt(text));
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("peer port is not a number: " + excerpt(text));
    }
    return new PeerAddress(host, Integer.parseInt(port));
  }

  /** {@code host:port}, with brackets around IPv6 literals. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  static String excerpt(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
