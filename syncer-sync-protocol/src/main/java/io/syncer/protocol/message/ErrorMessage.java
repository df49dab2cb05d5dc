package io.syncer.protocol.message;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code error} (server to client).
 *
 * <p>Thread-safety: immutable.
 *
 * @param code what went wrong
 * @param message human-readable detail, at most 512 characters
 * @param rid the {@code rid} of the request that caused the error, if it had one
 */
public record ErrorMessage(ErrorCode code, String message, OptionalLong rid)
    implements ServerMessage {

  /** Longest {@code message}, in characters (code points). */
  public static final int MAX_MESSAGE_LENGTH = 512;

  public ErrorMessage {
    Objects.requireNonNull(code, "code");
    Check.text("message", message, 0, MAX_MESSAGE_LENGTH, true);
    Check.rid(rid);
  }

  public ErrorMessage(ErrorCode code, String message) {
    this(code, message, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.ERROR;
  }
}
