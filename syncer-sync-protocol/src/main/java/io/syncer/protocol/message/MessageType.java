package io.syncer.protocol.message;

import java.util.Optional;

/**
 * The {@code "type"} of every message in protocol v1, with its wire name and direction.
 *
 * <p>Thread-safety: immutable enum.
 */
public enum MessageType {
  HELLO(true),
  WELCOME(false),
  CLOCK_REQUEST(true),
  CLOCK_RESPONSE(false),
  ERROR(false),
  CREATE_ROOM(true),
  JOIN_ROOM(true),
  LEAVE_ROOM(true),
  ROOM_STATE(false),
  MEMBERS(false),
  PLAY(true),
  PAUSE(true),
  SEEK(true),
  SET_RATE(true),
  SET_MEDIA(true),
  TRANSFER_OWNER(true),
  TIMELINE(false),
  STATUS(true),
  WAIT(false),
  SWARM_ANNOUNCE(true),
  SWARM_PEERS(false);

  private final String wireName = WireNames.of(this);
  private final boolean fromClient;

  MessageType(boolean fromClient) {
    this.fromClient = fromClient;
  }

  /** The value of the {@code "type"} field, e.g. {@code "clock_request"}. */
  public String wireName() {
    return wireName;
  }

  /** Whether clients send this message (otherwise only servers do). */
  public boolean isSentByClient() {
    return fromClient;
  }

  /** The type with this wire name, or empty for a type this revision does not know. */
  public static Optional<MessageType> fromWireName(String wireName) {
    return WireNames.lookup(values(), wireName);
  }
}
