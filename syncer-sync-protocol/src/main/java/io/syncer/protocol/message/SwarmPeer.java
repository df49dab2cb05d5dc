package io.syncer.protocol.message;

/**
 * A room member's BitTorrent endpoint.
 *
 * <p>Thread-safety: immutable.
 *
 * @param memberId the member (1..64 printable ASCII)
 * @param host IPv4 or IPv6 address literal
 * @param port TCP/UDP port, 1..65535
 */
public record SwarmPeer(String memberId, String host, int port) {

  public SwarmPeer {
    Check.id("memberId", memberId);
    Check.ipLiteral("host", host);
    Check.range("port", port, 1, 65535);
  }
}
