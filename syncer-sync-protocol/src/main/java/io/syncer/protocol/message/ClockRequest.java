package io.syncer.protocol.message;

/**
 * {@code clock_request} (client to server): one clock-sync probe.
 *
 * <p>Thread-safety: immutable.
 *
 * @param t0Us the client's monotonic clock when the probe was sent, µs
 */
public record ClockRequest(long t0Us) implements ClientMessage {

  public ClockRequest {
    Check.safe("t0Us", t0Us);
  }

  @Override
  public MessageType type() {
    return MessageType.CLOCK_REQUEST;
  }
}
