package io.syncer.protocol.message;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code set_media} (owner to server): choose what the room watches; the server answers with a
 * new timeline (cause {@code media}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param media the movie
 * @param rid request id echoed by an error caused by this message
 */
public record SetMedia(Media media, OptionalLong rid) implements OwnerCommand {

  public SetMedia {
    Objects.requireNonNull(media, "media");
    Check.rid(rid);
  }

  public SetMedia(Media media) {
    this(media, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.SET_MEDIA;
  }
}
