package io.syncer.core.error;

/**
 * The store failed (database unreachable, I/O error); the transaction was rolled back.
 *
 * <p>Thread-safety: immutable.
 */
public final class StorageException extends ServiceException {

  private static final long serialVersionUID = 1L;

  public StorageException(String code, String message) {
    super(ErrorKind.UNAVAILABLE, code, message);
  }

  public StorageException(String code, String message, Throwable cause) {
    super(ErrorKind.UNAVAILABLE, code, message, cause);
  }
}
