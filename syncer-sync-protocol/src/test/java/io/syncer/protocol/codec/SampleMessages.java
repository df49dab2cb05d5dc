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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One or more hand-written instances of every message type, optional fields present and absent. */
final class SampleMessages {

  static final String INFO_HASH = "c9e15763f722f23e98a29decdfae341b98d53056";
  static final Media MEDIA =
      new Media(
          "m-42",
          "Night of the Living Dead (1968)",
          INFO_HASH,
          "magnet:?xt=urn:btih:" + INFO_HASH + "&dn=night.mkv",
          0,
          OptionalLong.of(5_760_000_000L),
          OptionalLong.of(1_234_567_890L));
  static final Media BARE_MEDIA =
      new Media("m-7", "", INFO_HASH, "magnet:?xt=urn:btih:" + INFO_HASH, 3,
          OptionalLong.empty(), OptionalLong.empty());
  static final Member OWNER =
      new Member("u1", "Ana", MemberState.READY, 30_000_000, -1_200, 41_000);
  static final Member GUEST =
      new Member("u2", "Bo Ørsted 🎬", MemberState.BUFFERING, 0, 0, 180_500);
  static final Timeline PLAYING =
      new Timeline(7, Optional.of("m-42"), false, 600_000_000, 1.0, 9_000_000_000L);
  static final Timeline EMPTY = new Timeline(0, Optional.empty(), true, 0, 1.0, 0);

  private SampleMessages() {}

  /** Every sample under the name of its vector in {@code docs/protocol/vectors/messages.json}. */
  static Map<String, Message> named() {
    Map<String, Message> samples = new LinkedHashMap<>();
    samples.put("hello-minimal", new Hello("syncer-java/0.1"));
    samples.put("hello-full", new Hello(1, "syncer-java/0.1", Optional.of("Ana"),
        Optional.of("eyJhbGciOi.J9.x-y_z"), Optional.of("r3sume"), OptionalLong.of(1)));
    samples.put("welcome",
        new Welcome(1, "s-1", "u1", "Ana", "r3sume", 9_000_000_000L, 65_536, false));
    samples.put("clock_request", new ClockRequest(123_456));
    samples.put("clock_request-negative-epoch", new ClockRequest(-5));
    samples.put("clock_response", new ClockResponse(123_456, 9_000_000_100L, 9_000_000_150L));
    samples.put("error-with-rid", new ErrorMessage(ErrorCode.FORBIDDEN,
        "only the owner controls playback", OptionalLong.of(9)));
    samples.put("error-escapes", new ErrorMessage(ErrorCode.BAD_MESSAGE,
        "line\n\"two\"\u0001\u001f\t\\/\u007f\u2028é"));
    samples.put("create_room", new CreateRoom());
    samples.put("create_room-rid", new CreateRoom(OptionalLong.of(2)));
    samples.put("join_room", new JoinRoom("7K3M9QXA"));
    samples.put("join_room-16-chars-max-rid",
        new JoinRoom("7K3M9QXAZZ00WXYZ", OptionalLong.of(9_007_199_254_740_991L)));
    samples.put("leave_room", new LeaveRoom());
    samples.put("room_state-playing", new RoomState("7K3M9QXA", "u2", "u1",
        List.of(OWNER, GUEST), PLAYING, Optional.of(MEDIA), List.of("u2")));
    samples.put("room_state-empty", new RoomState("7K3M9QXA", "u1", "u1",
        List.of(OWNER), EMPTY, Optional.empty(), List.of()));
    samples.put("members", new Members("u1", List.of(OWNER, GUEST)));
    samples.put("play", new Play());
    samples.put("play-rid", new Play(OptionalLong.of(3)));
    samples.put("pause-rid", new Pause(OptionalLong.of(4)));
    samples.put("seek", new Seek(1_800_000_000L));
    samples.put("seek-zero-rid", new Seek(0, OptionalLong.of(5)));
    samples.put("set_rate", new SetRate(1.5));
    samples.put("set_rate-min-rid", new SetRate(0.25, OptionalLong.of(6)));
    samples.put("set_media-full-rid", new SetMedia(MEDIA, OptionalLong.of(7)));
    samples.put("set_media-bare", new SetMedia(BARE_MEDIA));
    samples.put("transfer_owner-rid", new TransferOwner("u2", OptionalLong.of(8)));
    samples.put("timeline-play", new TimelineUpdate(PLAYING, TimelineCause.PLAY, "u1"));
    samples.put("timeline-wait-by-server", new TimelineUpdate(
        new Timeline(8, Optional.of("m-42"), true, 600_250_000, 1.25, 9_000_400_000L),
        TimelineCause.WAIT, TimelineUpdate.BY_SERVER));
    samples.put("status-ready", new Status(PlayerState.READY, 30_000_000, 600_012_000, 1_500, 800));
    samples.put(
        "status-ready-with-delivery-delay",
        new Status(
            PlayerState.READY, 30_000_000, 600_012_000, 1_500, 800, OptionalLong.of(142_000)));
    samples.put("status-buffering", new Status(PlayerState.BUFFERING, 0, 0, -25_000, 0));
    samples.put("wait-buffering", new Wait(List.of("u2"), WaitReason.BUFFERING, 9_030_000_000L));
    samples.put("wait-cleared", new Wait(List.of(), WaitReason.JOINING, 0));
    samples.put("swarm_announce", new SwarmAnnounce(INFO_HASH, 6881, Optional.empty()));
    samples.put("swarm_announce-host",
        new SwarmAnnounce(INFO_HASH, 51413, Optional.of("2001:db8::7")));
    samples.put("swarm_peers", new SwarmPeers(INFO_HASH, List.of(
        new SwarmPeer("u1", "192.0.2.10", 6881), new SwarmPeer("u2", "2001:db8::7", 51413))));
    samples.put("swarm_peers-empty", new SwarmPeers(INFO_HASH, List.of()));
    return samples;
  }

  static List<Message> all() {
    return List.copyOf(named().values());
  }
}
