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
  void aMemberStreamsTheOwnersMovieFromThePeerTheRoomNamed() throws Exception {
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    byte[] torrent = TestTorrents.torrentOf(video);
    TorrentMetadata metadata = TestTorrents.metadata(torrent);
    TestTorrents.placeForSeeding(video, torrent, owners);
    List<String> announced = new CopyOnWriteArrayList<>();

    try (RoomStreaming owner = RoomStreaming.start(owners, InetAddress.getLoopbackAddress(), false);
        RoomStreaming member = RoomStreaming.start(members, InetAddress.getLoopbackAddress(), false)) {
      owner.announceTo((infoHash, port) -> announced.add(infoHash + "@" + port));
      assertThat(owner.preload(torrent, OptionalInt.empty())).isEqualTo(metadata.infoHash());
      assertThat(announced).containsExactly(metadata.infoHash() + "@" + owner.listenPort());

      member.memberId("bob");
      member.swarmPeers(new SwarmPeers(metadata.infoHash(), List.of(
          new SwarmPeer("alice", "127.0.0.1", owner.listenPort()),
          new SwarmPeer("bob", "127.0.0.1", member.listenPort()))));
      Media media = new Media("movie-1", "Counter", metadata.infoHash(), metadata.magnetUri(), 0,
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
