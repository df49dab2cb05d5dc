package io.syncer.protocol.codec;

import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A message could not be decoded. Carries the {@link ErrorCode} to answer with and, when the
 * offending message had a readable {@code rid}, that request id.
 *
 * <p>The message text names fields and rules, never the received values, so it is safe to log
 * and to send back to the peer.
 *
 * <p>Thread-safety: immutable after construction.
 */
public final class ProtocolException extends Exception {

  private static final long serialVersionUID = 1L;
  private static final long NO_RID = 0;

  private final ErrorCode code;
  private final long rid;

  public ProtocolException(ErrorCode code, String message) {
    this(code, message, OptionalLong.empty());
  }

  public ProtocolException(ErrorCode code, String message, OptionalLong rid) {
    super(Objects.requireNonNull(message, "message"));
    this.code = Objects.requireNonNull(code, "code");
    this.rid = rid.orElse(NO_RID);
  }

  public ErrorCode code() {
    return code;
  }

  /** The {@code rid} of the message that failed, if it carried a valid one. */
  public OptionalLong rid() {
    return rid == NO_RID ? OptionalLong.empty() : OptionalLong.of(rid);
  }

  /** The {@code error} message to send back to the peer. */
  public ErrorMessage toErrorMessage() {
    String text = getMessage();
    if (text.codePointCount(0, text.length()) > ErrorMessage.MAX_MESSAGE_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, ErrorMessage.MAX_MESSAGE_LENGTH));
    }
    return new ErrorMessage(code, text, rid());
  }

  @Override
  public String toString() {
    return "ProtocolException[" + code.wireName() + "]: " + getMessage();
  }
}
