package io.syncer.core.session;

import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.Timeline;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ParticipantSession} knows at one moment, for UIs and scripts.
 *
 * @param connected whether a connection is open and welcomed
 * @param memberId this participant's member id, once welcomed
 * @param roomCode the room it is in
 * @param ownerId the room's owner
 * @param members the room's members
 * @param timeline the timeline in effect on the player
 * @param media the room's media
 * @param waitingFor the members the room waits for
 * @param clockErrorUs error bound of the clock estimate, µs (-1 before any estimate)
 * @param offsetUs the player's last measured offset from the timeline (positive: ahead), µs
 *
 * <p>Thread-safety: immutable.
 */
public record ParticipantSnapshot(
    boolean connected,
    Optional<String> memberId,
    Optional<String> roomCode,
    Optional<String> ownerId,
    List<Member> members,
    Optional<Timeline> timeline,
    Optional<Media> media,
    List<String> waitingFor,
    long clockErrorUs,
    long offsetUs) {

  public ParticipantSnapshot {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(roomCode, "roomCode");
    Objects.requireNonNull(ownerId, "ownerId");
    members = List.copyOf(members);
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(media, "media");
    waitingFor = List.copyOf(waitingFor);
  }

  static final ParticipantSnapshot INITIAL =
      new ParticipantSnapshot(false, Optional.empty(), Optional.empty(), Optional.empty(),
          List.of(), Optional.empty(), Optional.empty(), List.of(), -1, 0);

  /** Whether this participant owns its room. */
  public boolean isOwner() {
    return memberId.isPresent() && memberId.equals(ownerId);
  }
}
