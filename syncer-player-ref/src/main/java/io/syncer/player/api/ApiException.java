package io.syncer.player.api;

/**
 * A call to the server failed. {@link #code()} is the API's stable error code ({@code
 * invalid_credentials}, {@code duplicate_movie}, …) or {@link #UNREACHABLE} when the server could
 * not be reached; {@link #getMessage()} is written for a person.
 *
 * <p>Thread-safety: immutable.
 */
public final class ApiException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The server could not be reached, or did not answer as a Syncer server. */
  public static final String UNREACHABLE = "unreachable";

  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
