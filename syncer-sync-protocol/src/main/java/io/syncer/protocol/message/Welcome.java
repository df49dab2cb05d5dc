package io.syncer.protocol.message;

/**
 * {@code welcome} (server to client): the answer to a successful {@link Hello}.
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the resume token.
 *
 * @param protocol the protocol revision of this session
 * @param sessionId this connection's session, an identifier (1..64 printable ASCII)
 * @param memberId the client's member id, stable across resume (identifier)
 * @param name the display name the server gave the client (1..64 characters)
 * @param resume the token that resumes this session after a reconnect (1..256 printable ASCII)
 * @param serverTimeUs the server clock when sent, µs
 * @param maxMessageBytes the largest message, in UTF-8 bytes, the server accepts
 * @param resumed whether an earlier session (and its room) was resumed
 */
public record Welcome(
    int protocol,
    String sessionId,
    String memberId,
    String name,
    String resume,
    long serverTimeUs,
    int maxMessageBytes,
    boolean resumed)
    implements ServerMessage {

  public Welcome {
    Check.range("protocol", protocol, 1, Integer.MAX_VALUE);
    Check.id("sessionId", sessionId);
    Check.id("memberId", memberId);
    Check.displayName("name", name);
    Check.printableAscii("resume", resume, 1, 256);
    Check.safe("serverTimeUs", serverTimeUs);
    Check.range("maxMessageBytes", maxMessageBytes, 1, Integer.MAX_VALUE);
  }

  @Override
  public MessageType type() {
    return MessageType.WELCOME;
  }

  @Override
  public String toString() {
    return "Welcome[protocol=" + protocol + ", sessionId=" + sessionId + ", memberId=" + memberId
        + ", name=" + name + ", resume=<redacted>, serverTimeUs=" + serverTimeUs
        + ", maxMessageBytes=" + maxMessageBytes + ", resumed=" + resumed + "]";
  }
}
