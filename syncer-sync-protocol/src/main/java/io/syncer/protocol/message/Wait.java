package io.syncer.protocol.message;

import java.util.List;
import java.util.Objects;

/**
 * {@code wait} (server to client): the set of members the room waits for changed.
 *
 * <p>Thread-safety: immutable; the list is an unmodifiable copy.
 *
 * @param waitingFor member ids; empty means the room no longer waits
 * @param reason why the room waits
 * @param timeoutAtUs server time after which a stalled member stops holding the room, µs
 */
public record Wait(List<String> waitingFor, WaitReason reason, long timeoutAtUs)
    implements ServerMessage {

  public Wait {
    waitingFor = Check.distinctIds("waitingFor", waitingFor);
    Objects.requireNonNull(reason, "reason");
    Check.safe("timeoutAtUs", timeoutAtUs);
  }

  @Override
  public MessageType type() {
    return MessageType.WAIT;
  }
}
