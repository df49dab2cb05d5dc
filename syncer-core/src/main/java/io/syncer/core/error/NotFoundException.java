package io.syncer.core.error;

/**
 * The resource does not exist or is not visible to the caller.
 *
 * <p>Thread-safety: immutable.
 */
public final class NotFoundException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String code, String message) {
    super(ErrorKind.NOT_FOUND, code, message);
  }
}
