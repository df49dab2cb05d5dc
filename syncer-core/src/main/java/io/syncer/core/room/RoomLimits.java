package io.syncer.core.room;

import java.time.Duration;

/**
 * Every limit and timing of the room authority, with defaults meant for the public internet.
 *
 * <p>Scheduling: a command takes effect at {@code now + clamp(leadRttMultiplier × maxRtt / 2 +
 * leadMargin, leadFloor, leadCap)}, where {@code maxRtt} is the largest round-trip time among the
 * room's connected members (a member that has not reported one counts as {@link
 * #assumedRtt()}), so every member receives the command before it takes effect.
 *
 * <p>Thread-safety: immutable.
 */
public final class RoomLimits {

  private final int maxMessageBytes;
  private final int sendQueueMessages;
  private final long sendQueueBytes;
  private final int messageBurst;
  private final int messagesPerSecond;
  private final int maxViolations;
  private final int extraClockRequestsPerSecond;
  private final int failedJoinBurst;
  private final int failedJoinsPerMinute;
  private final int roomCreationBurst;
  private final int roomCreationsPerMinute;
  private final int maxRooms;
  private final int maxMembersPerRoom;
  private final int maxConnections;
  private final int maxSwarmAnnouncementsPerMember;
  private final Duration helloTimeout;
  private final Duration resumeGrace;
  private final Duration emptyRoomTtl;
  private final Duration stallTimeout;
  private final Duration inStepOffset;
  private final Duration assumedSeekTime;
  private final Duration membersRefresh;
  private final double leadRttMultiplier;
  private final Duration leadMargin;
  private final Duration leadFloor;
  private final Duration leadCap;
  private final Duration assumedRtt;

  private RoomLimits(Builder b) {
    maxMessageBytes = positive("maxMessageBytes", b.maxMessageBytes);
    sendQueueMessages = positive("sendQueueMessages", b.sendQueueMessages);
    sendQueueBytes = positive("sendQueueBytes", b.sendQueueBytes);
    messageBurst = positive("messageBurst", b.messageBurst);
    messagesPerSecond = positive("messagesPerSecond", b.messagesPerSecond);
    maxViolations = positive("maxViolations", b.maxViolations);
    extraClockRequestsPerSecond =
        positive("extraClockRequestsPerSecond", b.extraClockRequestsPerSecond);
    failedJoinBurst = positive("failedJoinBurst", b.failedJoinBurst);
    failedJoinsPerMinute = positive("failedJoinsPerMinute", b.failedJoinsPerMinute);
    roomCreationBurst = positive("roomCreationBurst", b.roomCreationBurst);
    roomCreationsPerMinute = positive("roomCreationsPerMinute", b.roomCreationsPerMinute);
    maxRooms = positive("maxRooms", b.maxRooms);
    maxMembersPerRoom = positive("maxMembersPerRoom", b.maxMembersPerRoom);
    maxConnections = positive("maxConnections", b.maxConnections);
    maxSwarmAnnouncementsPerMember =
        positive("maxSwarmAnnouncementsPerMember", b.maxSwarmAnnouncementsPerMember);
    helloTimeout = b.helloTimeout;
    resumeGrace = b.resumeGrace;
    emptyRoomTtl = b.emptyRoomTtl;
    stallTimeout = b.stallTimeout;
    inStepOffset = b.inStepOffset;
    assumedSeekTime = b.assumedSeekTime;
    membersRefresh = b.membersRefresh;
    leadRttMultiplier = b.leadRttMultiplier;
    leadMargin = b.leadMargin;
    leadFloor = b.leadFloor;
    leadCap = b.leadCap;
    assumedRtt = b.assumedRtt;
    if (leadRttMultiplier < 0 || leadFloor.compareTo(leadCap) > 0) {
      throw new IllegalArgumentException(
          "lead: need multiplier >= 0 and floor <= cap, got "
              + leadRttMultiplier + ", " + leadFloor + ", " + leadCap);
    }
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  private static long positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** The defaults. */
  public static RoomLimits defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxMessageBytes = maxMessageBytes;
    b.sendQueueMessages = sendQueueMessages;
    b.sendQueueBytes = sendQueueBytes;
    b.messageBurst = messageBurst;
    b.messagesPerSecond = messagesPerSecond;
    b.maxViolations = maxViolations;
    b.extraClockRequestsPerSecond = extraClockRequestsPerSecond;
    b.failedJoinBurst = failedJoinBurst;
    b.failedJoinsPerMinute = failedJoinsPerMinute;
    b.roomCreationBurst = roomCreationBurst;
    b.roomCreationsPerMinute = roomCreationsPerMinute;
    b.maxRooms = maxRooms;
    b.maxMembersPerRoom = maxMembersPerRoom;
    b.maxConnections = maxConnections;
    b.maxSwarmAnnouncementsPerMember = maxSwarmAnnouncementsPerMember;
    b.helloTimeout = helloTimeout;
    b.resumeGrace = resumeGrace;
    b.emptyRoomTtl = emptyRoomTtl;
    b.stallTimeout = stallTimeout;
    b.inStepOffset = inStepOffset;
    b.assumedSeekTime = assumedSeekTime;
    b.membersRefresh = membersRefresh;
    b.leadRttMultiplier = leadRttMultiplier;
    b.leadMargin = leadMargin;
    b.leadFloor = leadFloor;
    b.leadCap = leadCap;
    b.assumedRtt = assumedRtt;
    return b;
  }

  /**
   * How far ahead of now a command takes effect, in µs, for a room whose slowest connected member
   * receives the server's messages within {@code maxDeliveryDelayMicros}: that delay plus the
   * margin, within the floor and the cap.
   */
  public long leadMicros(long maxDeliveryDelayMicros) {
    long wanted = maxDeliveryDelayMicros + micros(leadMargin);
    return Math.max(micros(leadFloor), Math.min(micros(leadCap), wanted));
  }

  /**
   * The delivery delay assumed for a member that reports none (a client predating {@code
   * status.deliveryDelayUs}): {@code k × rtt / 2}, with {@code k} the {@link #leadRttMultiplier}.
   */
  long deliveryDelayFromRtt(long rttMicros) {
    return Math.round(leadRttMultiplier * rttMicros / 2.0);
  }

  static long micros(Duration duration) {
    return duration.toNanos() / 1_000L;
  }

  /** Largest accepted message in UTF-8 bytes (default 64 KiB); larger gets {@code too_large}. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Messages that may wait for one slow client before it is dropped (default 256). */
  public int sendQueueMessages() {
    return sendQueueMessages;
  }

  /** Characters that may wait for one slow client before it is dropped (default 1 MiB). */
  public long sendQueueBytes() {
    return sendQueueBytes;
  }

  /** Messages a client may send in a burst (default 40). */
  public int messageBurst() {
    return messageBurst;
  }

  /** Sustained messages per second a client may send (default 20). */
  public int messagesPerSecond() {
    return messagesPerSecond;
  }

  /**
   * Clock requests per second the server answers beyond every connection's quiet schedule
   * (default 1000); see {@link Builder#extraClockRequests}.
   */
  public int extraClockRequestsPerSecond() {
    return extraClockRequestsPerSecond;
  }

  /** Refused messages (rate limit, bad input) after which a connection is closed (default 20). */
  public int maxViolations() {
    return maxViolations;
  }

  /** Failed {@code join_room} attempts a connection may make in a burst (default 5). */
  public int failedJoinBurst() {
    return failedJoinBurst;
  }

  /** Sustained failed join attempts per minute per connection (default 6). */
  public int failedJoinsPerMinute() {
    return failedJoinsPerMinute;
  }

  /** Rooms a connection may create in a burst (default 3). */
  public int roomCreationBurst() {
    return roomCreationBurst;
  }

  /** Sustained room creations per minute per connection (default 6). */
  public int roomCreationsPerMinute() {
    return roomCreationsPerMinute;
  }

  /** Rooms open at once on this server (default 10 000). */
  public int maxRooms() {
    return maxRooms;
  }

  /** Members in one room, disconnected ones within their grace period included (default 64). */
  public int maxMembersPerRoom() {
    return maxMembersPerRoom;
  }

  /** Connections open at once (default 20 000). */
  public int maxConnections() {
    return maxConnections;
  }

  /** Distinct torrents one member may announce (default 4). */
  public int maxSwarmAnnouncementsPerMember() {
    return maxSwarmAnnouncementsPerMember;
  }

  /** A connection must send {@code hello} within this time (default 10 s). */
  public Duration helloTimeout() {
    return helloTimeout;
  }

  /** How long a dropped client may resume its identity, role and room (default 60 s). */
  public Duration resumeGrace() {
    return resumeGrace;
  }

  /** How long a room without members stays joinable (default 2 min). */
  public Duration emptyRoomTtl() {
    return emptyRoomTtl;
  }

  /** How long one stalled member may hold the room before it plays on without it (default 20 s). */
  public Duration stallTimeout() {
    return stallTimeout;
  }

  /**
   * A member whose reported offset from the timeline is this large or larger is catching up by
   * seeking; its buffering then does not hold the room (default 1 s).
   */
  public Duration inStepOffset() {
    return inStepOffset;
  }

  /**
   * How long a member is assumed to take, from a seek command's execute-at time, to report that
   * it is ready at the new position, until the room has seen it do so (default 1 s). A member that
   * buffers right after the room's own seek is seeking, not stalled: its buffering holds the room
   * only if it lasts beyond twice its seek time (as measured on its earlier seeks, or this).
   */
  public Duration assumedSeekTime() {
    return assumedSeekTime;
  }

  /** Members' reported offsets and RTTs are re-broadcast at most this often (default 5 s). */
  public Duration membersRefresh() {
    return membersRefresh;
  }

  /**
   * For members that report no delivery delay, the {@code k} of {@code k × rtt / 2}, the delay
   * assumed instead (default 2: one full round trip).
   */
  public double leadRttMultiplier() {
    return leadRttMultiplier;
  }

  /** Added to the lead for scheduling jitter (default 30 ms). */
  public Duration leadMargin() {
    return leadMargin;
  }

  /** Smallest lead (default 120 ms). */
  public Duration leadFloor() {
    return leadFloor;
  }

  /**
   * Largest lead: a member slower than this applies commands late (default 1.5 s). It also bounds
   * what one member's report can do to everyone's responsiveness.
   */
  public Duration leadCap() {
    return leadCap;
  }

  /** RTT assumed for a member that has not reported one yet (default 100 ms). */
  public Duration assumedRtt() {
    return assumedRtt;
  }

  /**
   * Builds {@link RoomLimits}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private int maxMessageBytes = 64 * 1024;
    private int sendQueueMessages = 256;
    private long sendQueueBytes = 1024 * 1024;
    private int messageBurst = 40;
    private int messagesPerSecond = 20;
    private int maxViolations = 20;
    private int extraClockRequestsPerSecond = 1_000;
    private int failedJoinBurst = 5;
    private int failedJoinsPerMinute = 6;
    private int roomCreationBurst = 3;
    private int roomCreationsPerMinute = 6;
    private int maxRooms = 10_000;
    private int maxMembersPerRoom = 64;
    private int maxConnections = 20_000;
    private int maxSwarmAnnouncementsPerMember = 4;
    private Duration helloTimeout = Duration.ofSeconds(10);
    private Duration resumeGrace = Duration.ofSeconds(60);
    private Duration emptyRoomTtl = Duration.ofMinutes(2);
    private Duration stallTimeout = Duration.ofSeconds(20);
    private Duration inStepOffset = Duration.ofSeconds(1);
    private Duration assumedSeekTime = Duration.ofSeconds(1);
    private Duration membersRefresh = Duration.ofSeconds(5);
    private double leadRttMultiplier = 2.0;
    private Duration leadMargin = Duration.ofMillis(30);
    private Duration leadFloor = Duration.ofMillis(120);
    private Duration leadCap = Duration.ofMillis(1500);
    private Duration assumedRtt = Duration.ofMillis(100);

    private Builder() {}

    public Builder maxMessageBytes(int bytes) {
      this.maxMessageBytes = bytes;
      return this;
    }

    public Builder sendQueue(int messages, long bytes) {
      this.sendQueueMessages = messages;
      this.sendQueueBytes = bytes;
      return this;
    }

    public Builder messageRate(int burst, int perSecond) {
      this.messageBurst = burst;
      this.messagesPerSecond = perSecond;
      return this;
    }

    /**
     * Clock requests per second the whole server answers beyond each connection's quiet schedule
     * (a burst of 10, then one every 2 s): clients on jittery paths ask more often (PROTOCOL.md
     * §10.2), and a server slowed down by load makes every path look jittery, so the extra
     * requests are capped server-wide and those over the cap go unanswered, which tells the
     * clients to fall back to the quiet schedule (default 1000).
     */
    public Builder extraClockRequests(int perSecond) {
      this.extraClockRequestsPerSecond = perSecond;
      return this;
    }

    public Builder maxViolations(int violations) {
      this.maxViolations = violations;
      return this;
    }

    public Builder failedJoins(int burst, int perMinute) {
      this.failedJoinBurst = burst;
      this.failedJoinsPerMinute = perMinute;
      return this;
    }

    public Builder roomCreations(int burst, int perMinute) {
      this.roomCreationBurst = burst;
      this.roomCreationsPerMinute = perMinute;
      return this;
    }

    public Builder maxRooms(int rooms) {
      this.maxRooms = rooms;
      return this;
    }

    public Builder maxMembersPerRoom(int members) {
      this.maxMembersPerRoom = members;
      return this;
    }

    public Builder maxConnections(int connections) {
      this.maxConnections = connections;
      return this;
    }

    public Builder maxSwarmAnnouncementsPerMember(int announcements) {
      this.maxSwarmAnnouncementsPerMember = announcements;
      return this;
    }

    public Builder helloTimeout(Duration timeout) {
      this.helloTimeout = timeout;
      return this;
    }

    public Builder resumeGrace(Duration grace) {
      this.resumeGrace = grace;
      return this;
    }

    public Builder emptyRoomTtl(Duration ttl) {
      this.emptyRoomTtl = ttl;
      return this;
    }

    public Builder stallTimeout(Duration timeout) {
      this.stallTimeout = timeout;
      return this;
    }

    public Builder inStepOffset(Duration offset) {
      this.inStepOffset = offset;
      return this;
    }

    public Builder assumedSeekTime(Duration seekTime) {
      this.assumedSeekTime = seekTime;
      return this;
    }

    public Builder membersRefresh(Duration interval) {
      this.membersRefresh = interval;
      return this;
    }

    /** The lead formula: {@code clamp(multiplier × maxRtt / 2 + margin, floor, cap)}. */
    public Builder lead(double rttMultiplier, Duration margin, Duration floor, Duration cap) {
      this.leadRttMultiplier = rttMultiplier;
      this.leadMargin = margin;
      this.leadFloor = floor;
      this.leadCap = cap;
      return this;
    }

    public Builder assumedRtt(Duration rtt) {
      this.assumedRtt = rtt;
      return this;
    }

    public RoomLimits build() {
      return new RoomLimits(this);
    }
  }
}
