package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code seek} (owner to server): move playback to a media position.
 *
 * <p>Thread-safety: immutable.
 *
 * @param positionUs the media position, µs, {@code >= 0}
 * @param rid request id echoed by an error caused by this message
 */
public record Seek(long positionUs, OptionalLong rid) implements OwnerCommand {

  public Seek {
    Check.nonNegative("positionUs", positionUs);
    Check.rid(rid);
  }

  public Seek(long positionUs) {
    this(positionUs, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.SEEK;
  }
}
