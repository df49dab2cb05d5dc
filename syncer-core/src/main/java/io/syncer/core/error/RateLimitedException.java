package io.syncer.core.error;

/**
 * Too many attempts in a short time; nothing was checked or changed.
 *
 * <p>Thread-safety: immutable.
 */
public final class RateLimitedException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public RateLimitedException(String code, String message) {
    super(ErrorKind.RATE_LIMITED, code, message);
  }
}
