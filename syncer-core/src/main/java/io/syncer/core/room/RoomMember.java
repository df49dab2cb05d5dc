package io.syncer.core.room;

import io.syncer.core.schedule.TaskScheduler;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.SwarmPeer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A member of a room, as its room's actor keeps it. Touched only by that actor. */
final class RoomMember {

  final String id;
  final String name;
  /** The connection the member is (or was last) reachable on. */
  Connection connection;
  MemberState state = MemberState.JOINING;
  long bufferedAheadUs;
  long offsetUs;
  /** Round-trip time as the member reported it; negative until it has. */
  long rttUs = -1;
  /** How long the server's messages take to reach the member, as it reported; negative if not. */
  long deliveryDelayUs = -1;
  /**
   * Whether the member has played this media in step with the room: only such a member's stall
   * holds the room, so a late joiner loading its first frames never pauses anybody.
   */
  boolean synced;
  /** A stall outlasted the timeout: the member no longer holds the room until it is ready. */
  boolean stallExcused;
  /** Server time until which this member holds the room, or -1 when it does not. */
  long holdUntilUs = -1;
  /**
   * From a seek command's execute-at time to the member's {@code ready} at the new position, as the
   * room observed it on the member's earlier seeks (averaged); negative until it has.
   */
  long seekTimeUs = -1;
  /** The member started buffering while seeking for the room's latest seek command. */
  boolean seekingForCommand;

  TaskScheduler.Cancellable holdTimer;
  /** Turns a seek that takes too long into a stall. */
  TaskScheduler.Cancellable seekCheck;
  TaskScheduler.Cancellable removalTimer;
  final Map<String, SwarmPeer> swarm = new LinkedHashMap<>();

  RoomMember(String id, String name, Connection connection) {
    this.id = id;
    this.name = name;
    this.connection = connection;
  }

  boolean connected() {
    return state != MemberState.DISCONNECTED;
  }

  boolean holding() {
    return holdUntilUs >= 0;
  }

  Member toWire() {
    return new Member(id, name, state, bufferedAheadUs, offsetUs, Math.max(0, rttUs));
  }

  static void cancel(TaskScheduler.Cancellable timer) {
    if (timer != null) {
      timer.cancel();
    }
  }
}
