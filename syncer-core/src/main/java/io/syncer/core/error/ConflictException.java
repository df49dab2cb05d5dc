package io.syncer.core.error;

/**
 * The request collides with existing state; nothing was changed.
 *
 * <p>Thread-safety: immutable.
 */
public final class ConflictException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public ConflictException(String code, String message) {
    super(ErrorKind.CONFLICT, code, message);
  }
}
