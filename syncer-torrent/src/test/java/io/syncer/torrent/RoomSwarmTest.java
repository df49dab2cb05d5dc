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
  @SuppressWarnings("try") // the seeder is closed early on purpose: bob must get the file from alice
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

  @Test
  void membersSharingTheFetchTakeTheirSharesFromTheSeederAndTheRestFromEachOther() throws Exception {
    TestMedia media = TestMedia.get();
    ThreadLeaks threads = ThreadLeaks.baseline();
    // Capped so that neither member can finish alone before the other connects; no peer
    // exchange, so the members know each other only as the room would tell them.
    try (LibtorrentSeeder seeder =
            LibtorrentSeeder.start(media.directory, media.torrent, 512 * 1024, false);
        TorrentStreamer alice = loopbackStreamer(first);
        TorrentStreamer bob = loopbackStreamer(second)) {
      StreamingTorrent alicesTorrent = alice.open(media.torrent, OpenOptions.defaults());
      StreamingTorrent bobsTorrent = bob.open(media.torrent, OpenOptions.defaults());
      alicesTorrent.shareWithRoom(0, 2);
      bobsTorrent.shareWithRoom(1, 2);
      alicesTorrent.addPeer(addressOf(bob));
      bobsTorrent.addPeer(addressOf(alice));
      alicesTorrent.addPeer(new PeerAddress("127.0.0.1", seeder.port()));
      bobsTorrent.addPeer(new PeerAddress("127.0.0.1", seeder.port()));

      // No reader, so no piece is urgent: the shares alone decide who fetches what from whom.
      awaitWholeFile(alicesTorrent);
      awaitWholeFile(bobsTorrent);
      for (StreamingTorrent torrent : java.util.List.of(alicesTorrent, bobsTorrent)) {
        try (MediaChannel channel = torrent.openChannel()) {
          assertThat(LoopbackStreamingTest.readAt(channel, 0, media.videoBytes.length))
              .isEqualTo(media.videoBytes);
        }
      }

      // Without sharing both members fetch every piece from the seeder: twice the file.
      assertThat(seeder.uploadedBytes()).isLessThan(media.videoBytes.length * 3L / 2);
      assertThat(alicesTorrent.status().uploadedBytes()).isPositive();
      assertThat(bobsTorrent.status().uploadedBytes()).isPositive();
    }
    assertThat(threads.survivors()).isEmpty();
  }

  private static PeerAddress addressOf(TorrentStreamer streamer) {
    InetSocketAddress address = streamer.listenAddress();
    return new PeerAddress(address.getAddress().getHostAddress(), address.getPort());
  }

  private static void awaitWholeFile(StreamingTorrent torrent) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (torrent.status().piecesVerified() < torrent.status().pieceCount()
        || torrent.status().pieceCount() == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the whole file did not arrive within 60 s: " + torrent.status());
      }
      Thread.sleep(50);
    }
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
