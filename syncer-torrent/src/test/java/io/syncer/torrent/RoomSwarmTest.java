package io.syncer.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.torrent.testing.LibtorrentSeeder;
import io.syncer.torrent.testing.TestMedia;
import io.syncer.torrent.testing.ThreadLeaks;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members of a room learn each other's listen addresses and share pieces directly. */
class RoomSwarmTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void aMemberWhoKnowsOnlyAnotherMemberGetsTheWholeFileFromThem() throws Exception {
    TestMedia media = TestMedia.get();
    TorrentMetadata metadata = TorrentMetadata.parse(media.torrent);
    ThreadLeaks threads = ThreadLeaks.baseline();
    try (LibtorrentSeeder seeder = LibtorrentSeeder.start(media.directory, media.torrent, 0);
        TorrentStreamer alice = loopbackStreamer(first);
        TorrentStreamer bob = loopbackStreamer(second)) {
      StreamingTorrent alicesTorrent = alice.open(media.torrent, OpenOptions.defaults());
      alicesTorrent.addPeer(new PeerAddress("127.0.0.1", seeder.port()));
      try (MediaChannel channel = alicesTorrent.openChannel()) {
        assertThat(LoopbackStreamingTest.readAt(channel, 0, media.videoBytes.length))
            .isEqualTo(media.videoBytes);
      }
      seeder.close();

      StreamingTorrent bobsTorrent =
          bob.open(new MagnetLink(metadata.infoHash(), "", java.util.List.of(), java.util.List.of()),
              OpenOptions.defaults());
      InetSocketAddress alicesAddress = alice.listenAddress();
      bobsTorrent.addPeer(new PeerAddress(alicesAddress.getAddress().getHostAddress(), alicesAddress.getPort()));

      assertThat(bobsTorrent.awaitMetadata(Duration.ofSeconds(60))).isEqualTo(metadata);
      try (MediaChannel channel = bobsTorrent.openChannel()) {
        assertThat(LoopbackStreamingTest.readAt(channel, 0, media.videoBytes.length))
            .isEqualTo(media.videoBytes);
      }
      assertThat(alicesTorrent.status().uploadedBytes()).isGreaterThanOrEqualTo(media.videoBytes.length);
    }
    assertThat(threads.survivors()).isEmpty();
  }

  private static TorrentStreamer loopbackStreamer(Path directory) throws Exception {
    return TorrentStreamer.builder()
        .downloadDirectory(directory)
        .listenAddress(InetAddress.getLoopbackAddress())
        .dht(false)
        .readTimeout(Duration.ofSeconds(60))
        .start();
  }
}
