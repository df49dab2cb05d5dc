package io.syncer.protocol.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code room_state} (server to client): a full snapshot of the room, sent on create, join and
 * resume.
 *
 * <p>Thread-safety: immutable; the lists are unmodifiable copies.
 *
 * @param code the room code
 * @param memberId the receiving member's id
 * @param ownerId the owner's member id
 * @param members every member, distinct ids
 * @param timeline the current timeline
 * @param media the current media, absent when none is chosen
 * @param waitingFor the members the room waits for; empty when not waiting
 */
public record RoomState(
    String code,
    String memberId,
    String ownerId,
    List<Member> members,
    Timeline timeline,
    Optional<Media> media,
    List<String> waitingFor)
    implements ServerMessage {

  public RoomState {
    Check.roomCode("code", code);
    Check.id("memberId", memberId);
    Check.id("ownerId", ownerId);
    members = Members.distinct(members);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(media, "media");
    waitingFor = Check.distinctIds("waitingFor", waitingFor);
  }

  @Override
  public MessageType type() {
    return MessageType.ROOM_STATE;
  }
}
