package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code leave_room} (client to server): leaves the current room.
 *
 * <p>Thread-safety: immutable.
 *
 * @param rid request id echoed by an error caused by this message
 */
public record LeaveRoom(OptionalLong rid) implements Request {

  public LeaveRoom {
    Check.rid(rid);
  }

  public LeaveRoom() {
    this(OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.LEAVE_ROOM;
  }
}
