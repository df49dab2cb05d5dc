package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code pause} (owner to server): pause playback.
 *
 * <p>Thread-safety: immutable.
 *
 * @param rid request id echoed by an error caused by this message
 */
public record Pause(OptionalLong rid) implements OwnerCommand {

  public Pause {
    Check.rid(rid);
  }

  public Pause() {
    this(OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.PAUSE;
  }
}
