package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code set_rate} (owner to server): change the playback rate of the room.
 *
 * <p>Thread-safety: immutable.
 *
 * @param rate the new rate, in [0.25, 4.0]
 * @param rid request id echoed by an error caused by this message
 */
public record SetRate(double rate, OptionalLong rid) implements OwnerCommand {

  public SetRate {
    Check.rate("rate", rate);
    Check.rid(rid);
  }

  public SetRate(double rate) {
    this(rate, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.SET_RATE;
  }
}
