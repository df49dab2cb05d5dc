package io.syncer.core.error;

/**
 * The broad class of a refused request, independent of any transport.
 *
 * <p>Adapters map it to their own vocabulary (the REST API maps each kind to one HTTP status).
 */
public enum ErrorKind {
  /** The input breaks a documented rule (length, format, range, a malformed torrent). */
  INVALID_INPUT,
  /** No valid credentials: wrong password, missing, tampered, expired or revoked token. */
  UNAUTHENTICATED,
  /** Authenticated, but the resource belongs to someone else (for example another's comment). */
  FORBIDDEN,
  /** The resource does not exist, or exists in a library the caller may not see. */
  NOT_FOUND,
  /** The request collides with existing state (a taken username, a duplicate info-hash). */
  CONFLICT,
  /** Too many attempts in a short time; the caller should wait before retrying. */
  RATE_LIMITED,
  /** The store failed (database down, I/O error); nothing was changed by the request. */
  UNAVAILABLE
}
