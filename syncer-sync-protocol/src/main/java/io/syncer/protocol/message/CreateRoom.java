package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code create_room} (client to server): creates a room owned by the sender, who joins it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param rid request id echoed by an error caused by this message
 */
public record CreateRoom(OptionalLong rid) implements Request {

  public CreateRoom {
    Check.rid(rid);
  }

  public CreateRoom() {
    this(OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.CREATE_ROOM;
  }
}
