package io.syncer.core.session;

import io.syncer.core.transport.CloseCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.Wait;
import io.syncer.protocol.message.Welcome;

/**
 * What a participant's UI or script hears from its {@link ParticipantSession}. Every method has an
 * empty default; override what you show.
 *
 * <p>Thread-safety: called from the session's executor, one call at a time; implementations must
 * return quickly and hand UI work to their UI thread.
 */
public interface ParticipantListener {

  /** The server accepted the {@code hello} (again, after a reconnect). */
  default void onWelcome(Welcome welcome) {}

  /** A full room snapshot: after create, join, resume and media changes. */
  default void onRoomState(RoomState state) {}

  /** The member list, roles or member states changed. */
  default void onMembers(Members members) {}

  /** A new timeline arrived; it takes effect at its anchor. */
  default void onTimelineReceived(TimelineUpdate update) {}

  /** A timeline took effect on the player (at its anchor, as well as the clock allows). */
  default void onTimelineApplied(Timeline timeline) {}

  /** The set of members the room waits for changed (empty: no longer waiting). */
  default void onWait(Wait wait) {}

  /** The server refused a request or a message. */
  default void onError(ErrorMessage error) {}

  /** Peers of a torrent within the room. */
  default void onSwarmPeers(SwarmPeers peers) {}

  /** The connection is gone; a new one resumes the session within the server's grace period. */
  default void onDisconnected(CloseCode code, String reason) {}
}
