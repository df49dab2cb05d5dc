package io.syncer.protocol.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.LeaveRoom;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.Member;
import io.syncer.protocol.message.MemberState;
import io.syncer.protocol.message.Members;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.MessageType;
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
import io.syncer.protocol.message.Welcome;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON codec of protocol v1: canonical encoding and strict decoding of every {@link Message}.
 *
 * <p>{@link #encode} writes the canonical form of {@code docs/protocol/PROTOCOL.md}: {@code type}
 * first, then the fields in specification order, no whitespace, absent optional fields omitted.
 * Decoding accepts any field order, ignores unknown fields, and rejects everything else that is
 * not a valid message with a {@link ProtocolException} whose {@link ErrorCode} is the one to send
 * back: {@code too_large} above {@link #maxMessageBytes()}, {@code bad_message} for malformed
 * JSON, trailing data, duplicate keys, missing fields and wrong JSON types, {@code unknown_type},
 * {@code unsupported_version} for a protocol revision other than {@link
 * Message#PROTOCOL_VERSION}, and {@code invalid_argument} for well-typed values outside their
 * range. Nothing else escapes.
 *
 * <p>Thread-safety: immutable; one instance may be shared by all threads.
 */
public final class MessageCodec {

  /** The default and recommended message size limit: 64 KiB of UTF-8. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64).build())
          .build();

  private static final ObjectMapper TREE_READER =
      JsonMapper.builder(JSON)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .build();

  private static final MessageCodec DEFAULT = new MessageCodec(DEFAULT_MAX_MESSAGE_BYTES);

  private final int maxMessageBytes;

  private MessageCodec(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /** A codec with the default limit of {@value #DEFAULT_MAX_MESSAGE_BYTES} bytes. */
  public static MessageCodec create() {
    return DEFAULT;
  }

  /** A codec that rejects messages longer than {@code maxMessageBytes} UTF-8 bytes. */
  public static MessageCodec withMaxMessageBytes(int maxMessageBytes) {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    return new MessageCodec(maxMessageBytes);
  }

  /** The largest message, in UTF-8 bytes, that {@code decode} accepts. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  // ---------------------------------------------------------------- encoding

  /**
   * The canonical encoding of {@code message}. The size limit applies to decoding only; a caller
   * that builds large member lists checks the length itself.
   */
  public String encode(Message message) {
    Objects.requireNonNull(message, "message");
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", message.type().wireName());
      writeFields(g, message);
      g.writeEndObject();
    } catch (IOException impossible) {
      // A StringWriter does not fail; Jackson declares IOException for other targets.
      throw new IllegalStateException("writing to memory failed", impossible);
    }
    return out.toString();
  }

  private static void writeFields(JsonGenerator g, Message message) throws IOException {
    switch (message.type()) {
      case HELLO -> {
        Hello m = (Hello) message;
        g.writeNumberField("protocol", m.protocol());
        g.writeStringField("client", m.client());
        writeOptional(g, "name", m.name());
        writeOptional(g, "token", m.token());
        writeOptional(g, "resume", m.resume());
        writeOptional(g, "rid", m.rid());
      }
      case WELCOME -> {
        Welcome m = (Welcome) message;
        g.writeNumberField("protocol", m.protocol());
        g.writeStringField("sessionId", m.sessionId());
        g.writeStringField("memberId", m.memberId());
        g.writeStringField("name", m.name());
        g.writeStringField("resume", m.resume());
        g.writeNumberField("serverTimeUs", m.serverTimeUs());
        g.writeNumberField("maxMessageBytes", m.maxMessageBytes());
        g.writeBooleanField("resumed", m.resumed());
      }
      case CLOCK_REQUEST -> g.writeNumberField("t0Us", ((ClockRequest) message).t0Us());
      case CLOCK_RESPONSE -> {
        ClockResponse m = (ClockResponse) message;
        g.writeNumberField("t0Us", m.t0Us());
        g.writeNumberField("t1Us", m.t1Us());
        g.writeNumberField("t2Us", m.t2Us());
      }
      case ERROR -> {
        ErrorMessage m = (ErrorMessage) message;
        g.writeStringField("code", m.code().wireName());
        g.writeStringField("message", m.message());
        writeOptional(g, "rid", m.rid());
      }
      case CREATE_ROOM -> writeOptional(g, "rid", ((CreateRoom) message).rid());
      case JOIN_ROOM -> {
        JoinRoom m = (JoinRoom) message;
        g.writeStringField("code", m.code());
        writeOptional(g, "rid", m.rid());
      }
      case LEAVE_ROOM -> writeOptional(g, "rid", ((LeaveRoom) message).rid());
      case ROOM_STATE -> {
        RoomState m = (RoomState) message;
        g.writeStringField("code", m.code());
        g.writeStringField("memberId", m.memberId());
        g.writeStringField("ownerId", m.ownerId());
        writeMembers(g, m.members());
        g.writeFieldName("timeline");
        writeTimeline(g, m.timeline());
        if (m.media().isPresent()) {
          g.writeFieldName("media");
          writeMedia(g, m.media().get());
        }
        writeStrings(g, "waitingFor", m.waitingFor());
      }
      case MEMBERS -> {
        Members m = (Members) message;
        g.writeStringField("ownerId", m.ownerId());
        writeMembers(g, m.members());
      }
      case PLAY -> writeOptional(g, "rid", ((Play) message).rid());
      case PAUSE -> writeOptional(g, "rid", ((Pause) message).rid());
      case SEEK -> {
        Seek m = (Seek) message;
        g.writeNumberField("positionUs", m.positionUs());
        writeOptional(g, "rid", m.rid());
      }
      case SET_RATE -> {
        SetRate m = (SetRate) message;
        g.writeNumberField("rate", m.rate());
        writeOptional(g, "rid", m.rid());
      }
      case SET_MEDIA -> {
        SetMedia m = (SetMedia) message;
        g.writeFieldName("media");
        writeMedia(g, m.media());
        writeOptional(g, "rid", m.rid());
      }
      case TRANSFER_OWNER -> {
        TransferOwner m = (TransferOwner) message;
        g.writeStringField("memberId", m.memberId());
        writeOptional(g, "rid", m.rid());
      }
      case TIMELINE -> {
        TimelineUpdate m = (TimelineUpdate) message;
        g.writeFieldName("timeline");
        writeTimeline(g, m.timeline());
        g.writeStringField("cause", m.cause().wireName());
        g.writeStringField("by", m.by());
      }
      case STATUS -> {
        Status m = (Status) message;
        g.writeStringField("state", m.state().wireName());
        g.writeNumberField("bufferedAheadUs", m.bufferedAheadUs());
        g.writeNumberField("positionUs", m.positionUs());
        g.writeNumberField("offsetUs", m.offsetUs());
        g.writeNumberField("clockErrorUs", m.clockErrorUs());
        writeOptional(g, "deliveryDelayUs", m.deliveryDelayUs());
      }
      case WAIT -> {
        Wait m = (Wait) message;
        writeStrings(g, "waitingFor", m.waitingFor());
        g.writeStringField("reason", m.reason().wireName());
        g.writeNumberField("timeoutAtUs", m.timeoutAtUs());
      }
      case SWARM_ANNOUNCE -> {
        SwarmAnnounce m = (SwarmAnnounce) message;
        g.writeStringField("infoHash", m.infoHash());
        g.writeNumberField("port", m.port());
        writeOptional(g, "host", m.host());
      }
      case SWARM_PEERS -> {
        SwarmPeers m = (SwarmPeers) message;
        g.writeStringField("infoHash", m.infoHash());
        g.writeArrayFieldStart("peers");
        for (SwarmPeer peer : m.peers()) {
          g.writeStartObject();
          g.writeStringField("memberId", peer.memberId());
          g.writeStringField("host", peer.host());
          g.writeNumberField("port", peer.port());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    }
  }

  private static void writeTimeline(JsonGenerator g, Timeline timeline) throws IOException {
    g.writeStartObject();
    g.writeNumberField("version", timeline.version());
    writeOptional(g, "mediaId", timeline.mediaId());
    g.writeBooleanField("paused", timeline.paused());
    g.writeNumberField("positionUs", timeline.positionUs());
    g.writeNumberField("rate", timeline.rate());
    g.writeNumberField("anchorUs", timeline.anchorUs());
    g.writeEndObject();
  }

  private static void writeMedia(JsonGenerator g, Media media) throws IOException {
    g.writeStartObject();
    g.writeStringField("mediaId", media.mediaId());
    g.writeStringField("title", media.title());
    g.writeStringField("infoHash", media.infoHash());
    g.writeStringField("magnet", media.magnet());
    g.writeNumberField("fileIndex", media.fileIndex());
    writeOptional(g, "durationUs", media.durationUs());
    writeOptional(g, "fileLength", media.fileLength());
    g.writeEndObject();
  }

  private static void writeMembers(JsonGenerator g, List<Member> members) throws IOException {
    g.writeArrayFieldStart("members");
    for (Member member : members) {
      g.writeStartObject();
      g.writeStringField("id", member.id());
      g.writeStringField("name", member.name());
      g.writeStringField("state", member.state().wireName());
      g.writeNumberField("bufferedAheadUs", member.bufferedAheadUs());
      g.writeNumberField("offsetUs", member.offsetUs());
      g.writeNumberField("rttUs", member.rttUs());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeStrings(JsonGenerator g, String name, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void writeOptional(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }

  private static void writeOptional(JsonGenerator g, String name, OptionalLong value)
      throws IOException {
    if (value.isPresent()) {
      g.writeNumberField(name, value.getAsLong());
    }
  }

  // ---------------------------------------------------------------- decoding

  /** Decodes one message in either direction. */
  public Message decode(String json) throws ProtocolException {
    return decode(json, Direction.ANY);
  }

  /** Decodes one message from UTF-8 bytes (malformed UTF-8 is {@code bad_message}). */
  public Message decode(byte[] utf8) throws ProtocolException {
    Objects.requireNonNull(utf8, "utf8");
    if (utf8.length > maxMessageBytes) {
      throw tooLarge();
    }
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(utf8))
              .toString();
    } catch (CharacterCodingException malformed) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "message is not valid UTF-8");
    }
    return decode(json, Direction.ANY);
  }

  /**
   * Decodes a message received by a server. A server-to-client type is answered like an unknown
   * one ({@code unknown_type}).
   */
  public ClientMessage decodeFromClient(String json) throws ProtocolException {
    return (ClientMessage) decode(json, Direction.FROM_CLIENT);
  }

  /**
   * Decodes a message received by a client. A client-to-server type is answered like an unknown
   * one ({@code unknown_type}).
   */
  public ServerMessage decodeFromServer(String json) throws ProtocolException {
    return (ServerMessage) decode(json, Direction.FROM_SERVER);
  }

  private enum Direction {
    ANY,
    FROM_CLIENT,
    FROM_SERVER
  }

  private Message decode(String json, Direction direction) throws ProtocolException {
    Objects.requireNonNull(json, "json");
    if (utf8Length(json) > maxMessageBytes) {
      throw tooLarge();
    }
    JsonNode root = parse(json);
    if (root == null || !root.isObject()) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, "message: must be a JSON object");
    }
    OptionalLong rid = readableRid(root);
    JsonNode typeNode = root.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new ProtocolException(
          ErrorCode.BAD_MESSAGE, "message.type: missing or not a string", rid);
    }
    Optional<MessageType> type = MessageType.fromWireName(typeNode.textValue());
    if (type.isEmpty()) {
      throw new ProtocolException(
          ErrorCode.UNKNOWN_TYPE, "unknown message type " + printable(typeNode.textValue()), rid);
    }
    if (direction == Direction.FROM_CLIENT && !type.get().isSentByClient()
        || direction == Direction.FROM_SERVER && type.get().isSentByClient()) {
      throw new ProtocolException(
          ErrorCode.UNKNOWN_TYPE,
          type.get().wireName() + " is not sent in this direction",
          rid);
    }
    return read(type.get(), JsonFields.of(root, type.get().wireName(), rid));
  }

  private ProtocolException tooLarge() {
    return new ProtocolException(
        ErrorCode.TOO_LARGE, "message exceeds " + maxMessageBytes + " bytes");
  }

  private static JsonNode parse(String json) throws ProtocolException {
    try {
      return TREE_READER.readTree(json);
    } catch (StreamConstraintsException limit) {
      throw new ProtocolException(
          ErrorCode.BAD_MESSAGE, "message nests too deeply or has an overlong number");
    } catch (JsonProcessingException malformed) {
      // Jackson's own text may quote the input; only the location goes back to the peer.
      JsonLocation at = malformed.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ProtocolException(
          ErrorCode.BAD_MESSAGE, "not a single valid JSON object without duplicate keys" + where);
    }
  }

  /** The message's {@code rid} if it is a valid one, so that even a rejection can echo it. */
  private static OptionalLong readableRid(JsonNode root) {
    JsonNode rid = root.get("rid");
    if (rid != null && rid.isIntegralNumber() && rid.canConvertToLong()) {
      long value = rid.longValue();
      if (value >= 1 && value <= (1L << 53) - 1) {
        return OptionalLong.of(value);
      }
    }
    return OptionalLong.empty();
  }

  /** At most 32 characters of untrusted text, non-printable ASCII replaced, for error messages. */
  private static String printable(String untrusted) {
    StringBuilder out = new StringBuilder("'");
    untrusted
        .codePoints()
        .limit(32)
        .forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '\'' ? (char) c : '?'));
    return out.append(untrusted.codePointCount(0, untrusted.length()) > 32 ? "...'" : "'")
        .toString();
  }

  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  private static Message read(MessageType type, JsonFields f) throws ProtocolException {
    return switch (type) {
      case HELLO -> {
        int protocol = requireSupported(f, f.int32("protocol"));
        String client = f.string("client");
        Optional<String> name = f.optionalString("name");
        Optional<String> token = f.optionalString("token");
        Optional<String> resume = f.optionalString("resume");
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new Hello(protocol, client, name, token, resume, rid));
      }
      case WELCOME -> {
        int protocol = requireSupported(f, f.int32("protocol"));
        String sessionId = f.string("sessionId");
        String memberId = f.string("memberId");
        String name = f.string("name");
        String resume = f.string("resume");
        long serverTimeUs = f.integer("serverTimeUs");
        int maxMessageBytes = f.int32("maxMessageBytes");
        boolean resumed = f.bool("resumed");
        yield f.build(
            () ->
                new Welcome(
                    protocol, sessionId, memberId, name, resume, serverTimeUs, maxMessageBytes,
                    resumed));
      }
      case CLOCK_REQUEST -> {
        long t0Us = f.integer("t0Us");
        yield f.build(() -> new ClockRequest(t0Us));
      }
      case CLOCK_RESPONSE -> {
        long t0Us = f.integer("t0Us");
        long t1Us = f.integer("t1Us");
        long t2Us = f.integer("t2Us");
        yield f.build(() -> new ClockResponse(t0Us, t1Us, t2Us));
      }
      case ERROR -> {
        ErrorCode code = f.wireEnum("code", ErrorCode::fromWireName);
        String message = f.string("message");
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new ErrorMessage(code, message, rid));
      }
      case CREATE_ROOM -> {
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new CreateRoom(rid));
      }
      case JOIN_ROOM -> {
        String code = f.string("code");
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new JoinRoom(code, rid));
      }
      case LEAVE_ROOM -> {
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new LeaveRoom(rid));
      }
      case ROOM_STATE -> {
        String code = f.string("code");
        String memberId = f.string("memberId");
        String ownerId = f.string("ownerId");
        List<Member> members = f.objects("members", MessageCodec::readMember);
        Timeline timeline = readTimeline(f.object("timeline"));
        Optional<Media> media = readOptionalMedia(f);
        List<String> waitingFor = f.strings("waitingFor");
        yield f.build(
            () -> new RoomState(code, memberId, ownerId, members, timeline, media, waitingFor));
      }
      case MEMBERS -> {
        String ownerId = f.string("ownerId");
        List<Member> members = f.objects("members", MessageCodec::readMember);
        yield f.build(() -> new Members(ownerId, members));
      }
      case PLAY -> {
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new Play(rid));
      }
      case PAUSE -> {
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new Pause(rid));
      }
      case SEEK -> {
        long positionUs = f.integer("positionUs");
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new Seek(positionUs, rid));
      }
      case SET_RATE -> {
        double rate = f.number("rate");
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new SetRate(rate, rid));
      }
      case SET_MEDIA -> {
        Media media = readMedia(f.object("media"));
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new SetMedia(media, rid));
      }
      case TRANSFER_OWNER -> {
        String memberId = f.string("memberId");
        OptionalLong rid = f.optionalInteger("rid");
        yield f.build(() -> new TransferOwner(memberId, rid));
      }
      case TIMELINE -> {
        Timeline timeline = readTimeline(f.object("timeline"));
        TimelineCause cause = f.wireEnum("cause", TimelineCause::fromWireName);
        String by = f.string("by");
        yield f.build(() -> new TimelineUpdate(timeline, cause, by));
      }
      case STATUS -> {
        PlayerState state = f.wireEnum("state", PlayerState::fromWireName);
        long bufferedAheadUs = f.integer("bufferedAheadUs");
        long positionUs = f.integer("positionUs");
        long offsetUs = f.integer("offsetUs");
        long clockErrorUs = f.integer("clockErrorUs");
        OptionalLong deliveryDelayUs = f.optionalInteger("deliveryDelayUs");
        yield f.build(
            () ->
                new Status(
                    state, bufferedAheadUs, positionUs, offsetUs, clockErrorUs, deliveryDelayUs));
      }
      case WAIT -> {
        List<String> waitingFor = f.strings("waitingFor");
        WaitReason reason = f.wireEnum("reason", WaitReason::fromWireName);
        long timeoutAtUs = f.integer("timeoutAtUs");
        yield f.build(() -> new Wait(waitingFor, reason, timeoutAtUs));
      }
      case SWARM_ANNOUNCE -> {
        String infoHash = f.string("infoHash");
        int port = f.int32("port");
        Optional<String> host = f.optionalString("host");
        yield f.build(() -> new SwarmAnnounce(infoHash, port, host));
      }
      case SWARM_PEERS -> {
        String infoHash = f.string("infoHash");
        List<SwarmPeer> peers = f.objects("peers", MessageCodec::readSwarmPeer);
        yield f.build(() -> new SwarmPeers(infoHash, peers));
      }
    };
  }

  private static int requireSupported(JsonFields f, int protocol) throws ProtocolException {
    if (protocol != Message.PROTOCOL_VERSION) {
      throw f.error(
          ErrorCode.UNSUPPORTED_VERSION,
          f.path() + ".protocol: only protocol " + Message.PROTOCOL_VERSION + " is supported");
    }
    return protocol;
  }

  private static Member readMember(JsonFields f) throws ProtocolException {
    String id = f.string("id");
    String name = f.string("name");
    MemberState state = f.wireEnum("state", MemberState::fromWireName);
    long bufferedAheadUs = f.integer("bufferedAheadUs");
    long offsetUs = f.integer("offsetUs");
    long rttUs = f.integer("rttUs");
    return f.build(() -> new Member(id, name, state, bufferedAheadUs, offsetUs, rttUs));
  }

  private static Timeline readTimeline(JsonFields f) throws ProtocolException {
    long version = f.integer("version");
    Optional<String> mediaId = f.optionalString("mediaId");
    boolean paused = f.bool("paused");
    long positionUs = f.integer("positionUs");
    double rate = f.number("rate");
    long anchorUs = f.integer("anchorUs");
    return f.build(() -> new Timeline(version, mediaId, paused, positionUs, rate, anchorUs));
  }

  private static Optional<Media> readOptionalMedia(JsonFields f) throws ProtocolException {
    Optional<JsonFields> media = f.optionalObject("media");
    return media.isEmpty() ? Optional.empty() : Optional.of(readMedia(media.get()));
  }

  private static Media readMedia(JsonFields f) throws ProtocolException {
    String mediaId = f.string("mediaId");
    String title = f.string("title");
    String infoHash = f.string("infoHash");
    String magnet = f.string("magnet");
    int fileIndex = f.int32("fileIndex");
    OptionalLong durationUs = f.optionalInteger("durationUs");
    OptionalLong fileLength = f.optionalInteger("fileLength");
    return f.build(
        () -> new Media(mediaId, title, infoHash, magnet, fileIndex, durationUs, fileLength));
  }

  private static SwarmPeer readSwarmPeer(JsonFields f) throws ProtocolException {
    String memberId = f.string("memberId");
    String host = f.string("host");
    int port = f.int32("port");
    return f.build(() -> new SwarmPeer(memberId, host, port));
  }
}
