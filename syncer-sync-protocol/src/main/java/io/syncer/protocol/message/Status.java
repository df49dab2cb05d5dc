package io.syncer.protocol.message;

import java.util.Objects;
import java.util.OptionalLong;

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
 * @param deliveryDelayUs how long the server's messages take to reach the client: a high
 *     percentile of the server-to-client delay of its recent clock responses, µs, {@code >= 0};
 *     empty when the client does not measure it
 */
public record Status(
    PlayerState state,
    long bufferedAheadUs,
    long positionUs,
    long offsetUs,
    long clockErrorUs,
    OptionalLong deliveryDelayUs)
    implements ClientMessage {

  public Status {
    Objects.requireNonNull(state, "state");
    Check.nonNegative("bufferedAheadUs", bufferedAheadUs);
    Check.nonNegative("positionUs", positionUs);
    Check.safe("offsetUs", offsetUs);
    Check.nonNegative("clockErrorUs", clockErrorUs);
    Check.optionalNonNegative("deliveryDelayUs", deliveryDelayUs);
  }

  /** A status without a delivery delay, as clients that do not measure it send. */
  public Status(
      PlayerState state, long bufferedAheadUs, long positionUs, long offsetUs, long clockErrorUs) {
    this(state, bufferedAheadUs, positionUs, offsetUs, clockErrorUs, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.STATUS;
  }
}
