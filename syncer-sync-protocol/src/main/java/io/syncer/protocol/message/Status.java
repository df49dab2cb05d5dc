package io.syncer.protocol.message;

import java.util.Objects;

/**
 * {@code status} (client to server): the player's state, about once a second and on change.
 *
 * <p>Thread-safety: immutable.
 *
 * @param state ready or buffering
 * @param bufferedAheadUs media buffered ahead of the position, µs, {@code >= 0}
 * @param positionUs the player's observed position, µs, {@code >= 0}
 * @param offsetUs player position minus timeline position at the same server time, µs, signed
 * @param clockErrorUs bound of the client's clock-offset estimate, µs, {@code >= 0}
 */
public record Status(
    PlayerState state, long bufferedAheadUs, long positionUs, long offsetUs, long clockErrorUs)
    implements ClientMessage {

  public Status {
    Objects.requireNonNull(state, "state");
    Check.nonNegative("bufferedAheadUs", bufferedAheadUs);
    Check.nonNegative("positionUs", positionUs);
    Check.safe("offsetUs", offsetUs);
    Check.nonNegative("clockErrorUs", clockErrorUs);
  }

  @Override
  public MessageType type() {
    return MessageType.STATUS;
  }
}
