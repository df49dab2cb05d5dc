package io.syncer.core.room;

import io.syncer.core.internal.SerialExecutor;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.OwnerCommand;
import io.syncer.protocol.message.Pause;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Seek;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.SetMedia;
import io.syncer.protocol.message.SetRate;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.SwarmAnnounce;
import io.syncer.protocol.message.SwarmPeer;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.TransferOwner;
import io.syncer.protocol.message.Wait;
import io.syncer.protocol.message.WaitReason;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room: an actor owning the member list, the owner, the timeline and the wait state. Every
 * method runs on {@link #actor}; the connections it talks to are reached through their
 * thread-safe outboxes and their own actors.
 *
 * <p>Playback follows the owner's intent (play or pause) except while the room waits: when the
 * owner wants to play and a member that was in step stalls (or, at the moment of {@code play},
 * any member is not ready yet), everyone pauses at the same scheduled instant, and everyone
 * resumes together when the last holder is ready or its stall timeout has passed.
 */
final class Room {

  private static final Logger log = LoggerFactory.getLogger(Room.class);
  private static final double NORMAL_RATE = 1.0;

  final String code;
  private final RoomServer server;
  private final SerialExecutor actor;
  private final Map<String, RoomMember> members = new LinkedHashMap<>();
  private String ownerId;
  private Timeline timeline;
  private Optional<Media> media = Optional.empty();
  private boolean playIntent;
  private List<String> announcedWaiting = List.of();
  /** Execute-at time of the latest timeline that moved the position: every member seeks then. */
  private long seekAnchorUs = Long.MIN_VALUE;
  private boolean membersDirty;
  private TaskScheduler.Cancellable membersRefresh;
  private TaskScheduler.Cancellable expiry;
  private boolean closed;

  Room(RoomServer server, String code) {
    this.server = server;
    this.code = code;
    this.actor = server.newActor();
    this.timeline = new Timeline(0, Optional.empty(), true, 0, NORMAL_RATE, now());
  }

  void execute(Runnable task) {
    actor.execute(task);
  }

  private long now() {
    return server.clock.nowMicros();
  }

  // ---- membership ----

  void join(String memberId, String name, Connection connection, OptionalLong rid) {
    if (closed) {
      connection.sendError(ErrorCode.ROOM_NOT_FOUND, "no room has this code", rid);
      connection.execute(() -> connection.roomGone(this));
      return;
    }
    RoomMember existing = members.get(memberId);
    if (existing != null) {
      attach(existing, connection);
      return;
    }
    if (members.size() >= server.limits.maxMembersPerRoom()) {
      connection.sendError(ErrorCode.ROOM_FULL, "this room is full", rid);
      connection.execute(() -> connection.roomGone(this));
      return;
    }
    RoomMember member = new RoomMember(memberId, name, connection);
    members.put(memberId, member);
    RoomMember.cancel(expiry);
    expiry = null;
    if (ownerId == null || !members.containsKey(ownerId)) {
      ownerId = memberId;
    }
    log.info("room {}: member {} joined ({} members)", code, memberId, members.size());
    connection.send(stateFor(memberId));
    sendSwarmPeersTo(member);
    broadcastMembers();
  }

  void reattach(String memberId, Connection connection) {
    RoomMember member = members.get(memberId);
    if (closed || member == null) {
      connection.sendError(
          ErrorCode.NOT_IN_ROOM, "your room ended while you were away", OptionalLong.empty());
      connection.execute(() -> connection.roomGone(this));
      return;
    }
    attach(member, connection);
  }

  /** The member is back on {@code connection}: it starts over as joining, disturbing nobody. */
  private void attach(RoomMember member, Connection connection) {
    RoomMember.cancel(member.removalTimer);
    member.removalTimer = null;
    member.connection = connection;
    member.state = MemberState.JOINING;
    member.synced = false;
    release(member);
    log.info("room {}: member {} is back", code, member.id);
    connection.send(stateFor(member.id));
    sendSwarmPeersTo(member);
    broadcastMembers();
    updateWaiting();
  }

  void leave(String memberId, Connection connection) {
    RoomMember member = current(memberId, connection);
    if (member != null) {
      log.info("room {}: member {} left", code, memberId);
      remove(member);
    }
  }

  void disconnect(String memberId, Connection connection) {
    RoomMember member = current(memberId, connection);
    if (member == null || !member.connected()) {
      return;
    }
    member.state = MemberState.DISCONNECTED;
    release(member);
    long grace = RoomLimits.micros(server.limits.resumeGrace());
    member.removalTimer =
        server.scheduler.schedule(grace, () -> execute(() -> graceExpired(member)));
    log.info("room {}: member {} disconnected; keeping its place for {} s",
        code, memberId, grace / 1_000_000);
    broadcastMembers();
    updateWaiting();
  }

  private void graceExpired(RoomMember member) {
    if (members.get(member.id) == member && !member.connected()) {
      log.info("room {}: member {} did not come back", code, member.id);
      Connection last = member.connection;
      remove(member);
      last.execute(() -> last.roomGone(this));
    }
  }

  private void remove(RoomMember member) {
    members.remove(member.id);
    RoomMember.cancel(member.removalTimer);
    release(member);
    if (members.isEmpty()) {
      scheduleExpiry();
      return;
    }
    if (member.id.equals(ownerId)) {
      ownerId = nextOwner();
      log.info("room {}: ownership passes to {}", code, ownerId);
    }
    broadcastMembers();
    member.swarm.keySet().forEach(this::broadcastSwarmPeers);
    updateWaiting();
  }

  private String nextOwner() {
    return members.values().stream()
        .filter(RoomMember::connected)
        .findFirst()
        .orElse(members.values().iterator().next())
        .id;
  }

  private void scheduleExpiry() {
    long ttl = RoomLimits.micros(server.limits.emptyRoomTtl());
    expiry = server.scheduler.schedule(ttl, () -> execute(this::expire));
  }

  private void expire() {
    if (members.isEmpty() && !closed) {
      closed = true;
      server.rooms.remove(code, this);
      RoomMember.cancel(membersRefresh);
      log.info("room {} expired", code);
    }
  }

  /** The member if {@code connection} is still the one it is attached to. */
  private RoomMember current(String memberId, Connection connection) {
    RoomMember member = members.get(memberId);
    return member != null && member.connection == connection ? member : null;
  }

  // ---- owner commands ----

  void command(String memberId, Connection connection, OwnerCommand command) {
    RoomMember member = current(memberId, connection);
    if (member == null) {
      connection.sendError(ErrorCode.NOT_IN_ROOM, "you are not in this room", command.rid());
      return;
    }
    if (!memberId.equals(ownerId)) {
      log.info("room {}: refused {} from non-owner {}", code, command.type().wireName(), memberId);
      connection.sendError(
          ErrorCode.FORBIDDEN, "only the room owner can " + command.type().wireName(),
          command.rid());
      return;
    }
    if (command instanceof Play) {
      play(memberId);
    } else if (command instanceof Pause) {
      pause(memberId);
    } else if (command instanceof Seek seek) {
      seek(memberId, connection, seek);
    } else if (command instanceof SetRate setRate) {
      issue(TimelineCause.RATE, memberId, timeline.paused(), null, setRate.rate());
    } else if (command instanceof SetMedia setMedia) {
      setMedia(memberId, setMedia.media());
    } else if (command instanceof TransferOwner transfer) {
      transferOwner(memberId, connection, transfer);
    }
  }

  private void play(String by) {
    if (playIntent) {
      // Already playing (or waiting to): a late joiner still loading must not be waited for.
      return;
    }
    playIntent = true;
    long deadline = now() + RoomLimits.micros(server.limits.stallTimeout());
    for (RoomMember member : members.values()) {
      if (member.connected() && member.state != MemberState.READY) {
        hold(member, deadline);
      }
    }
    if (noHolders()) {
      issue(TimelineCause.PLAY, by, false, null, timeline.rate());
    }
    updateWaiting();
  }

  private void pause(String by) {
    playIntent = false;
    members.values().forEach(this::release);
    issue(TimelineCause.PAUSE, by, true, null, timeline.rate());
    updateWaiting();
  }

  private void seek(String by, Connection connection, Seek seek) {
    OptionalLong duration = media.map(Media::durationUs).orElse(OptionalLong.empty());
    if (duration.isPresent() && seek.positionUs() > duration.getAsLong()) {
      connection.sendError(
          ErrorCode.INVALID_ARGUMENT, "position is past the end of the media", seek.rid());
      return;
    }
    issue(TimelineCause.SEEK, by, timeline.paused(), seek.positionUs(), timeline.rate());
  }

  private void setMedia(String by, Media chosen) {
    media = Optional.of(chosen);
    playIntent = false;
    for (RoomMember member : members.values()) {
      release(member);
      member.synced = false;
      if (member.connected()) {
        member.state = MemberState.JOINING;
      }
    }
    long anchor = nextAnchor();
    timeline =
        new Timeline(timeline.version() + 1, Optional.of(chosen.mediaId()), true, 0,
            timeline.rate(), anchor);
    log.info("room {}: media {} chosen by {}", code, chosen.mediaId(), by);
    broadcast(new TimelineUpdate(timeline, TimelineCause.MEDIA, by));
    // The timeline names the media only by id: everyone needs the full description too.
    for (RoomMember member : members.values()) {
      if (member.connected()) {
        member.connection.send(stateFor(member.id));
      }
    }
    membersDirty = false;
    updateWaiting();
  }

  private void transferOwner(String by, Connection connection, TransferOwner transfer) {
    if (!members.containsKey(transfer.memberId())) {
      connection.sendError(
          ErrorCode.INVALID_ARGUMENT, "no such member in this room", transfer.rid());
      return;
    }
    ownerId = transfer.memberId();
    log.info("room {}: {} handed ownership to {}", code, by, ownerId);
    broadcastMembers();
  }

  /**
   * Schedules a new timeline: from the execute-at time on, the media plays (or stays) at the
   * given state; {@code positionUs} null means "wherever the current timeline is by then".
   */
  private void issue(TimelineCause cause, String by, boolean paused, Long positionUs, double rate) {
    long anchor = nextAnchor();
    long position = positionUs != null ? positionUs : Math.max(0, timeline.positionAt(anchor));
    timeline =
        new Timeline(timeline.version() + 1, timeline.mediaId(), paused, position, rate, anchor);
    if (cause == TimelineCause.SEEK) {
      seekAnchorUs = anchor;
    }
    broadcast(new TimelineUpdate(timeline, cause, by));
  }

  /**
   * Far enough ahead that the slowest connected member receives the command first (by the delivery
   * delay it measured, or from its RTT if it measures none), and never before a command already
   * scheduled.
   */
  private long nextAnchor() {
    RoomLimits limits = server.limits;
    long maxDelay = 0;
    for (RoomMember member : members.values()) {
      if (member.connected()) {
        long delay =
            member.deliveryDelayUs >= 0
                ? member.deliveryDelayUs
                : limits.deliveryDelayFromRtt(
                    member.rttUs >= 0 ? member.rttUs : RoomLimits.micros(limits.assumedRtt()));
        maxDelay = Math.max(maxDelay, delay);
      }
    }
    return Math.max(now() + limits.leadMicros(maxDelay), timeline.anchorUs());
  }

  // ---- status and waiting ----

  void status(String memberId, Connection connection, Status status) {
    RoomMember member = current(memberId, connection);
    if (member == null) {
      return;
    }
    member.bufferedAheadUs = status.bufferedAheadUs();
    member.offsetUs = status.offsetUs();
    long cap = RoomLimits.micros(server.limits.leadCap());
    // An NTP-style exchange bounds the offset error by half the round trip.
    member.rttUs = Math.min(2 * status.clockErrorUs(), 2 * cap);
    member.deliveryDelayUs = Math.min(status.deliveryDelayUs().orElse(-1), cap);
    MemberState before = member.state;
    if (status.state() == PlayerState.READY) {
      if (member.seekingForCommand) {
        learnSeekTime(member, now() - seekAnchorUs);
      }
      member.state = MemberState.READY;
      member.synced = true;
      member.stallExcused = false;
      release(member);
    } else if (before != MemberState.JOINING) {
      member.state = MemberState.BUFFERING;
      if (before == MemberState.READY && stallHolds(member)) {
        long seekingUntil = seekingUntil(member);
        if (now() < seekingUntil) {
          // The room's own seek made it buffer: only a seek that takes too long is a stall.
          member.seekingForCommand = true;
          member.seekCheck =
              server.scheduler.scheduleAt(
                  seekingUntil, () -> execute(() -> seekTookTooLong(member)));
        } else {
          hold(member, now() + RoomLimits.micros(server.limits.stallTimeout()));
        }
      }
    }
    if (member.state != before) {
      broadcastMembers();
    } else {
      markMembersDirty();
    }
    updateWaiting();
  }

  /**
   * Whether this member's buffering, now, would hold the room: it was in step (a member far off the
   * timeline is catching up by seeking, which is its own business) and has not outlasted its
   * stall timeout already.
   */
  private boolean stallHolds(RoomMember member) {
    boolean inStep = Math.abs(member.offsetUs) < RoomLimits.micros(server.limits.inStepOffset());
    return member.state == MemberState.BUFFERING && member.synced && inStep && playIntent
        && !member.stallExcused && !member.holding();
  }

  /** Until when the member may buffer because of the latest seek command: twice its seek time. */
  private long seekingUntil(RoomMember member) {
    if (seekAnchorUs == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    long seekTime =
        member.seekTimeUs >= 0
            ? member.seekTimeUs
            : RoomLimits.micros(server.limits.assumedSeekTime());
    return seekAnchorUs + 2 * seekTime;
  }

  /**
   * Averages what the member's seeks take (weight ½), each counted at most five assumed seek times
   * so that one long stall after a seek cannot excuse the member's later stalls for long.
   */
  private void learnSeekTime(RoomMember member, long observedUs) {
    long cap = 5 * RoomLimits.micros(server.limits.assumedSeekTime());
    long observed = Math.max(0, Math.min(observedUs, cap));
    member.seekTimeUs = member.seekTimeUs < 0 ? observed : (member.seekTimeUs + observed) / 2;
  }

  private void seekTookTooLong(RoomMember member) {
    member.seekCheck = null;
    if (members.get(member.id) == member && stallHolds(member)) {
      log.info("room {}: member {} is still buffering after seeking; waiting for it",
          code, member.id);
      hold(member, now() + RoomLimits.micros(server.limits.stallTimeout()));
      updateWaiting();
    }
  }

  private void hold(RoomMember member, long untilUs) {
    member.holdUntilUs = untilUs;
    RoomMember.cancel(member.holdTimer);
    member.holdTimer =
        server.scheduler.scheduleAt(untilUs, () -> execute(() -> holdExpired(member, untilUs)));
  }

  private void release(RoomMember member) {
    member.holdUntilUs = -1;
    RoomMember.cancel(member.holdTimer);
    member.holdTimer = null;
    member.seekingForCommand = false;
    RoomMember.cancel(member.seekCheck);
    member.seekCheck = null;
  }

  private void holdExpired(RoomMember member, long untilUs) {
    if (member.holdUntilUs == untilUs && members.get(member.id) == member) {
      log.info("room {}: member {} stalled too long; playing on without it", code, member.id);
      release(member);
      member.stallExcused = true;
      updateWaiting();
    }
  }

  private boolean noHolders() {
    return members.values().stream().noneMatch(RoomMember::holding);
  }

  /** Brings the timeline and the {@code wait} announcement in line with who holds the room. */
  private void updateWaiting() {
    List<String> holders = new ArrayList<>();
    long latestDeadline = now();
    boolean anyBuffering = false;
    for (RoomMember member : members.values()) {
      if (member.holding()) {
        holders.add(member.id);
        latestDeadline = Math.max(latestDeadline, member.holdUntilUs);
        anyBuffering |= member.state == MemberState.BUFFERING;
      }
    }
    if (playIntent && !holders.isEmpty() && !timeline.paused()) {
      issue(TimelineCause.WAIT, TimelineUpdate.BY_SERVER, true, null, timeline.rate());
    } else if (playIntent && holders.isEmpty() && timeline.paused()) {
      issue(TimelineCause.RESUME, TimelineUpdate.BY_SERVER, false, null, timeline.rate());
    }
    if (!holders.equals(announcedWaiting)) {
      announcedWaiting = List.copyOf(holders);
      broadcast(
          new Wait(holders, anyBuffering ? WaitReason.BUFFERING : WaitReason.JOINING,
              latestDeadline));
    }
  }

  // ---- swarm ----

  void announce(String memberId, Connection connection, SwarmAnnounce announce) {
    RoomMember member = current(memberId, connection);
    if (member == null) {
      return;
    }
    Optional<String> host =
        announce.host().or(() -> connection.session().remoteAddress().map(Room::ipLiteral));
    if (host.isEmpty()) {
      connection.sendError(
          ErrorCode.INVALID_ARGUMENT, "the server cannot see your address: send host",
          OptionalLong.empty());
      return;
    }
    if (!member.swarm.containsKey(announce.infoHash())
        && member.swarm.size() >= server.limits.maxSwarmAnnouncementsPerMember()) {
      connection.sendError(
          ErrorCode.INVALID_ARGUMENT, "too many torrents announced", OptionalLong.empty());
      return;
    }
    member.swarm.put(
        announce.infoHash(), new SwarmPeer(memberId, host.get(), announce.port()));
    broadcastSwarmPeers(announce.infoHash());
  }

  private static String ipLiteral(InetSocketAddress address) {
    String literal = address.getAddress().getHostAddress();
    int scope = literal.indexOf('%');
    return scope < 0 ? literal : literal.substring(0, scope);
  }

  private List<SwarmPeer> peersOf(String infoHash) {
    List<SwarmPeer> peers = new ArrayList<>();
    for (RoomMember member : members.values()) {
      SwarmPeer peer = member.swarm.get(infoHash);
      if (peer != null) {
        peers.add(peer);
      }
    }
    return peers;
  }

  private void broadcastSwarmPeers(String infoHash) {
    broadcast(new SwarmPeers(infoHash, peersOf(infoHash)));
  }

  private void sendSwarmPeersTo(RoomMember member) {
    media.ifPresent(
        current -> {
          List<SwarmPeer> peers = peersOf(current.infoHash());
          if (!peers.isEmpty()) {
            member.connection.send(new SwarmPeers(current.infoHash(), peers));
          }
        });
  }

  // ---- sending ----

  private RoomState stateFor(String memberId) {
    return new RoomState(
        code, memberId, ownerId, memberList(), timeline, media, List.copyOf(announcedWaiting));
  }

  private List<Member> memberList() {
    List<Member> list = new ArrayList<>(members.size());
    members.values().forEach(member -> list.add(member.toWire()));
    return list;
  }

  private void broadcastMembers() {
    membersDirty = false;
    if (!members.isEmpty()) {
      broadcast(new Members(ownerId, memberList()));
    }
  }

  /** Reported offsets and RTTs change every second; they go out at most every refresh interval. */
  private void markMembersDirty() {
    membersDirty = true;
    if (membersRefresh == null) {
      membersRefresh =
          server.scheduler.schedule(
              RoomLimits.micros(server.limits.membersRefresh()),
              () ->
                  execute(
                      () -> {
                        membersRefresh = null;
                        if (membersDirty && !closed) {
                          broadcastMembers();
                        }
                      }));
    }
  }

  /** Encodes once and hands the same text to every connected member. */
  private void broadcast(ServerMessage message) {
    String text = server.codec.encode(message);
    for (RoomMember member : members.values()) {
      if (member.connected()) {
        member.connection.outbox.send(text);
      }
    }
  }
}
