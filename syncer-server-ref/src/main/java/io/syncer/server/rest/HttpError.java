package io.syncer.server.rest;

/** A refusal decided by the HTTP layer itself: malformed request, wrong media type, too large. */
final class HttpError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static HttpError badRequest(String code, String message) {
    return new HttpError(400, code, message);
  }
}
