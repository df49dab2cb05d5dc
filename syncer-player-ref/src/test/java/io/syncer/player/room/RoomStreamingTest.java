package io.syncer.player.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.TestTorrents;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.SwarmPeer;
import io.syncer.protocol.message.SwarmPeers;
import io.syncer.torrent.TorrentMetadata;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two members of a room: one has the movie, the other streams it from them over HTTP. */
class RoomStreamingTest {

  @TempDir Path owners;
  @TempDir Path members;

  @Test
  void eachMemberTakesTheShareOfItsRankAmongTheServingMembersIds() {
    List<SwarmPeer> peers = List.of(new SwarmPeer("m-c", "127.0.0.1", 3), new SwarmPeer("m-a", "127.0.0.1", 1),
        new SwarmPeer("m-b", "127.0.0.1", 2), new SwarmPeer("m-a", "127.0.0.1", 4));

    assertThat(RoomStreaming.share(peers, "m-a")).isEqualTo(new RoomStreaming.Share(0, 3));
    assertThat(RoomStreaming.share(peers, "m-b")).isEqualTo(new RoomStreaming.Share(1, 3));
    assertThat(RoomStreaming.share(peers, "m-c")).isEqualTo(new RoomStreaming.Share(2, 3));
    assertThat(RoomStreaming.share(peers, "m-d")).isEqualTo(new RoomStreaming.Share(0, 1));
    assertThat(RoomStreaming.share(List.of(), "m-a")).isEqualTo(new RoomStreaming.Share(0, 1));
  }

  @Test
  void aMemberStreamsTheOwnersMovieFromThePeerTheRoomNamed() throws Exception {
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    byte[] torrent = TestTorrents.torrentOf(video);
    TorrentMetadata metadata = TestTorrents.metadata(torrent);
    TestTorrents.placeForSeeding(video, torrent, owners);
    List<String> announced = new CopyOnWriteArrayList<>();

    try (RoomStreaming owner = RoomStreaming.start(owners, InetAddress.getLoopbackAddress(), false);
        RoomStreaming member = RoomStreaming.start(members, InetAddress.getLoopbackAddress(), false)) {
      owner.announceTo((infoHash, port) -> announced.add(infoHash + "@" + port));
      assertThat(owner.preload(torrent, OptionalInt.empty()))
          .isEqualTo(new RoomStreaming.PreparedMovie(metadata.infoHash(), metadata.magnetUri(), 0,
              Files.size(video), metadata.name()));
      assertThat(announced).containsExactly(metadata.infoHash() + "@" + owner.listenPort());

      member.memberId("bob");
      member.swarmPeers(new SwarmPeers(metadata.infoHash(), List.of(
          new SwarmPeer("alice", "127.0.0.1", owner.listenPort()),
          new SwarmPeer("bob", "127.0.0.1", member.listenPort()))));
      RoomStreaming.PreparedMovie prepared = member.prepare(metadata.magnetUri()).get(60, TimeUnit.SECONDS);
      assertThat(prepared.fileIndex()).isZero();
      assertThat(prepared.fileLength()).isEqualTo(Files.size(video));
      Media media = new Media("movie-1", "Counter", metadata.infoHash(), prepared.magnet(), prepared.fileIndex(),
          OptionalLong.empty(), OptionalLong.empty());

      PlayableMedia playable = member.open(media).get(60, TimeUnit.SECONDS);
      assertThat(playable.location().getScheme()).isEqualTo("http");
      assertThat(playable.location().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(playable.location()).build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(Files.readAllBytes(video));
      assertThat(member.status()).hasValueSatisfying(s -> assertThat(s.piecesVerified()).isEqualTo(metadata.pieceCount()));

      playable.close();
      assertThat(member.status()).isEmpty();
    }
  }

  @Test
  void aMagnetOfAnotherTorrentThanTheMediaSaysIsRefused() throws Exception {
    try (RoomStreaming member = RoomStreaming.start(members, InetAddress.getLoopbackAddress(), false)) {
      Media media = new Media("movie-1", "Counter", "0123456789abcdef0123456789abcdef01234567",
          "magnet:?xt=urn:btih:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, OptionalLong.empty(),
          OptionalLong.empty());

      assertThatThrownBy(() -> member.open(media).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("names another torrent");
    }
  }
}
