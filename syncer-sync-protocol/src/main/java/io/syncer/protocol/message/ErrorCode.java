package io.syncer.protocol.message;

import java.util.Optional;

/**
 * The {@code code} of an {@code error} message. See {@code docs/protocol/PROTOCOL.md} for when
 * each is sent.
 *
 * <p>Thread-safety: immutable enum.
 */
public enum ErrorCode {
  /**
   * Not valid JSON, not an object, a field missing or of the wrong JSON type, a duplicate key; the
   * server then closes with 1008.
   */
  BAD_MESSAGE(true),
  /** The message exceeds the receiver's size limit; the server then closes with 1009. */
  TOO_LARGE(true),
  /** The {@code type} is unknown to the receiver (or is sent in the wrong direction). */
  UNKNOWN_TYPE(false),
  /** {@code hello.protocol} is a revision the server does not speak; the server closes (1008). */
  UNSUPPORTED_VERSION(true),
  /** No session yet ({@code hello} first), or the token or resume token is invalid. */
  UNAUTHORIZED(false),
  /** The session may not do this, e.g. a non-owner sending an owner command. */
  FORBIDDEN(false),
  /** The request needs a room and the session is in none. */
  NOT_IN_ROOM(false),
  /** {@code create_room} or {@code join_room} while already in a room. */
  ALREADY_IN_ROOM(false),
  /** No room has this code. */
  ROOM_NOT_FOUND(false),
  /** The room has reached its member limit. */
  ROOM_FULL(false),
  /** The session sends faster than the server allows. */
  RATE_LIMITED(false),
  /** A field is well-typed but out of range, too long, or refers to something that is not there. */
  INVALID_ARGUMENT(false),
  /** The server failed; the request may be retried. */
  INTERNAL(false);

  private final String wireName = WireNames.of(this);
  private final boolean closesConnection;

  ErrorCode(boolean closesConnection) {
    this.closesConnection = closesConnection;
  }

  /** The wire name, e.g. {@code "bad_message"}. */
  public String wireName() {
    return wireName;
  }

  /**
   * Whether the server closes the WebSocket right after sending an error with this code. Errors
   * with other codes leave the connection open, though a server closes a connection that keeps
   * causing them.
   */
  public boolean closesConnection() {
    return closesConnection;
  }

  /** The code with this wire name, or empty for a code this revision does not know. */
  public static Optional<ErrorCode> fromWireName(String wireName) {
    return WireNames.lookup(values(), wireName);
  }
}
