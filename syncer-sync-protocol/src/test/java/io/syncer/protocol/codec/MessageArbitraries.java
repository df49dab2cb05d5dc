package io.syncer.protocol.codec;

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
import io.syncer.protocol.message.Pause;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomCodes;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Seek;
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
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators for every valid message, spanning the full range of each field. */
final class MessageArbitraries {

  static final long MAX_SAFE = (1L << 53) - 1;

  private MessageArbitraries() {}

  /** Every message type, chosen uniformly. */
  static Arbitrary<Message> messages() {
    return Arbitraries.oneOf(
        List.of(
            hello(),
            welcome(),
            safeTime().map(ClockRequest::new),
            clockResponse(),
            error(),
            rid().map(CreateRoom::new),
            Combinators.combine(roomCode(), rid()).as(JoinRoom::new),
            rid().map(LeaveRoom::new),
            roomState(),
            Combinators.combine(id(), members()).as(Members::new),
            rid().map(Play::new),
            rid().map(Pause::new),
            Combinators.combine(nonNegative(), rid()).as(Seek::new),
            Combinators.combine(rate(), rid()).as(SetRate::new),
            Combinators.combine(media(), rid()).as(SetMedia::new),
            Combinators.combine(id(), rid()).as(TransferOwner::new),
            Combinators.combine(timeline(), Arbitraries.of(TimelineCause.class), id())
                .as(TimelineUpdate::new),
            status(),
            Combinators.combine(distinctIds(), Arbitraries.of(WaitReason.class), safeTime())
                .as(Wait::new),
            Combinators.combine(infoHash(), port(), ipLiteral().optional(0.5))
                .as(SwarmAnnounce::new),
            Combinators.combine(infoHash(), swarmPeer().list().ofMaxSize(4))
                .as(SwarmPeers::new)));
  }

  static Arbitrary<Hello> hello() {
    return Combinators.combine(
            Arbitraries.just(Message.PROTOCOL_VERSION),
            text(1, 64, false),
            text(1, 64, false).optional(0.5),
            printableAscii(1, 4096).optional(0.5),
            printableAscii(1, 256).optional(0.5),
            rid())
        .as(Hello::new);
  }

  static Arbitrary<Welcome> welcome() {
    return Combinators.combine(
            Arbitraries.just(Message.PROTOCOL_VERSION),
            id(),
            id(),
            text(1, 64, false),
            printableAscii(1, 256),
            safeTime(),
            Arbitraries.integers().between(1, Integer.MAX_VALUE),
            Arbitraries.of(true, false))
        .as(Welcome::new);
  }

  static Arbitrary<ClockResponse> clockResponse() {
    return Combinators.combine(safeTime(), safeTime(), nonNegative())
        .filter((t0, t1, hold) -> t1 <= MAX_SAFE - hold)
        .as((t0, t1, hold) -> new ClockResponse(t0, t1, t1 + hold));
  }

  static Arbitrary<ErrorMessage> error() {
    return Combinators.combine(Arbitraries.of(ErrorCode.class), text(0, 512, true), rid())
        .as(ErrorMessage::new);
  }

  static Arbitrary<RoomState> roomState() {
    return Combinators.combine(
            roomCode(), id(), id(), members(), timeline(), media().optional(0.5), distinctIds())
        .as(RoomState::new);
  }

  static Arbitrary<Status> status() {
    return Combinators.combine(
            Arbitraries.of(PlayerState.class), nonNegative(), nonNegative(), safeTime(),
            nonNegative(), optionalLong(nonNegative()))
        .as(Status::new);
  }

  static Arbitrary<Timeline> timeline() {
    return Combinators.combine(
            nonNegative(), id().optional(0.5), Arbitraries.of(true, false), nonNegative(), rate(),
            safeTime())
        .as(Timeline::new);
  }

  static Arbitrary<Media> media() {
    return Combinators.combine(
            id(),
            text(0, 256, false),
            infoHash(),
            printableAscii(0, 200).map(rest -> "magnet:?" + rest),
            Arbitraries.integers().between(0, Integer.MAX_VALUE),
            optionalLong(nonNegative()),
            optionalLong(nonNegative()))
        .as(Media::new);
  }

  static Arbitrary<List<Member>> members() {
    return Combinators.combine(
            id(), text(1, 64, false), Arbitraries.of(MemberState.class), nonNegative(),
            safeTime(), nonNegative())
        .as(Member::new)
        .list()
        .ofMaxSize(5)
        .uniqueElements(Member::id);
  }

  static Arbitrary<SwarmPeer> swarmPeer() {
    return Combinators.combine(id(), ipLiteral(), port()).as(SwarmPeer::new);
  }

  static Arbitrary<List<String>> distinctIds() {
    return id().list().ofMaxSize(5).uniqueElements();
  }

  static Arbitrary<OptionalLong> rid() {
    return optionalLong(Arbitraries.longs().between(1, MAX_SAFE));
  }

  static Arbitrary<Long> safeTime() {
    return Arbitraries.longs().between(-MAX_SAFE, MAX_SAFE);
  }

  static Arbitrary<Long> nonNegative() {
    return Arbitraries.longs().between(0, MAX_SAFE);
  }

  static Arbitrary<Integer> port() {
    return Arbitraries.integers().between(1, 65535);
  }

  /** Every binary64 value in [0.25, 4], uniformly over bit patterns, plus the usual rates. */
  static Arbitrary<Double> rate() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(0.25, 0.5, 0.95, 1.0, 1.05, 1.5, 2.0, 4.0)),
        Tuple.of(
            3,
            Arbitraries.longs()
                .between(Double.doubleToLongBits(0.25), Double.doubleToLongBits(4.0))
                .map(Double::longBitsToDouble)));
  }

  static Arbitrary<String> id() {
    return printableAscii(1, 64);
  }

  static Arbitrary<String> printableAscii(int min, int max) {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(min).ofMaxLength(max);
  }

  static Arbitrary<String> roomCode() {
    return Arbitraries.strings()
        .withChars(RoomCodes.ALPHABET.toCharArray())
        .ofMinLength(RoomCodes.MIN_LENGTH)
        .ofMaxLength(RoomCodes.MAX_LENGTH);
  }

  static Arbitrary<String> infoHash() {
    return Arbitraries.strings().withChars("0123456789abcdef".toCharArray()).ofLength(40);
  }

  static Arbitrary<String> ipLiteral() {
    Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
    Arbitrary<String> v4 = octet.list().ofSize(4).map(o -> o.stream().map(String::valueOf)
        .collect(Collectors.joining(".")));
    Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofSize(8)
        .map(g -> g.stream().map(Integer::toHexString).collect(Collectors.joining(":")));
    return Arbitraries.oneOf(
        List.of(v4, v6, Arbitraries.of("::", "::1", "2001:db8::7", "::ffff:192.0.2.1")));
  }

  /**
   * Well-formed Unicode text of {@code min..max} code points, mostly ASCII but reaching the
   * supplementary planes; control characters only when allowed.
   */
  static Arbitrary<String> text(int min, int max, boolean controlsAllowed) {
    Arbitrary<Integer> anyCodePoint =
        Arbitraries.integers()
            .between(0, Character.MAX_CODE_POINT)
            .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(2, anyCodePoint))
            .filter(cp -> controlsAllowed || Character.getType(cp) != Character.CONTROL);
    return codePoint
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
            StringBuilder::append).toString());
  }

  private static Arbitrary<OptionalLong> optionalLong(Arbitrary<Long> value) {
    return value.optional(0.5).map(v -> v.map(OptionalLong::of).orElse(OptionalLong.empty()));
  }
}
