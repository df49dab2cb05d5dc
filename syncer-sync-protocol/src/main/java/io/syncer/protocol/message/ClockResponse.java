package io.syncer.protocol.message;

/**
 * {@code clock_response} (server to client): the answer to a {@link ClockRequest}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param t0Us the request's {@code t0Us}, echoed
 * @param t1Us the server clock when the request arrived, µs
 * @param t2Us the server clock when this response was sent, µs ({@code >= t1Us})
 */
public record ClockResponse(long t0Us, long t1Us, long t2Us) implements ServerMessage {

  public ClockResponse {
    Check.safe("t0Us", t0Us);
    Check.safe("t1Us", t1Us);
    Check.safe("t2Us", t2Us);
    if (t2Us < t1Us) {
      throw new IllegalArgumentException("t2Us: must not be before t1Us");
    }
  }

  @Override
  public MessageType type() {
    return MessageType.CLOCK_RESPONSE;
  }
}
