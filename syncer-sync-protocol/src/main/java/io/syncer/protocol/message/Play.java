package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code play} (owner to server): resume playback at the current position.
 *
 * <p>Thread-safety: immutable.
 *
 * @param rid request id echoed by an error caused by this message
 */
public record Play(OptionalLong rid) implements OwnerCommand {

  public Play {
    Check.rid(rid);
  }

  public Play() {
    this(OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.PLAY;
  }
}
