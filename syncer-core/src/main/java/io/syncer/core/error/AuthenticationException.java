package io.syncer.core.error;

/**
 * Credentials or token are missing, wrong, tampered, expired or revoked.
 *
 * <p>Thread-safety: immutable.
 */
public final class AuthenticationException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public AuthenticationException(String code, String message) {
    super(ErrorKind.UNAUTHENTICATED, code, message);
  }
}
