package io.syncer.core.error;

/**
 * The caller is authenticated but may not change this resource.
 *
 * <p>Thread-safety: immutable.
 */
public final class AccessDeniedException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String code, String message) {
    super(ErrorKind.FORBIDDEN, code, message);
  }
}
