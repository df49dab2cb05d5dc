package io.syncer.core.error;

import java.util.Objects;

/**
 * A request refused by a Syncer service, with a stable machine-readable code and a message meant
 * for the person who sent the request.
 *
 * <p>Codes are lower-case snake case (for example {@code username_taken}) and part of the public
 * contract: the REST API returns them verbatim. Messages never contain secrets (passwords, tokens,
 * hashes) and never echo unbounded user input, so they are safe to log and to show.
 *
 * <p>Thread-safety: immutable.
 */
public abstract class ServiceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;
  private final String code;

  protected ServiceException(ErrorKind kind, String code, String message) {
    this(kind, code, message, null);
  }

  protected ServiceException(
      ErrorKind kind, String code, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The broad class of the refusal. */
  public ErrorKind kind() {
    return kind;
  }

  /** The stable machine-readable code, for example {@code duplicate_movie}. */
  public String code() {
    return code;
  }
}
