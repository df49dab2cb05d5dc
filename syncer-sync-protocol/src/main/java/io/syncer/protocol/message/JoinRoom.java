package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code join_room} (client to server).
 *
 * <p>Thread-safety: immutable.
 *
 * @param code the room code, canonical form (see {@link RoomCodes})
 * @param rid request id echoed by an error caused by this message
 */
public record JoinRoom(String code, OptionalLong rid) implements Request {

  public JoinRoom {
    Check.roomCode("code", code);
    Check.rid(rid);
  }

  public JoinRoom(String code) {
    this(code, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.JOIN_ROOM;
  }
}
