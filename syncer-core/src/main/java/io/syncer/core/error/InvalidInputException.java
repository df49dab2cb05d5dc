package io.syncer.core.error;

/**
 * The input breaks a documented rule; nothing was changed.
 *
 * <p>Thread-safety: immutable.
 */
public class InvalidInputException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String code, String message) {
    super(ErrorKind.INVALID_INPUT, code, message);
  }
}
