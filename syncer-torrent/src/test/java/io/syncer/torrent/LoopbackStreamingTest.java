package io.syncer.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.torrent.testing.LibtorrentSeeder;
import io.syncer.torrent.testing.TestMedia;
import io.syncer.torrent.testing.ThreadLeaks;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams a generated video from a foreign (libtorrent) seeder over 127.0.0.1. */
class LoopbackStreamingTest {
  @TempDir Path downloads;

  private TestMedia media;
  private ThreadLeaks threads;
  private LibtorrentSeeder seeder;
  private TorrentStreamer streamer;

  @BeforeEach
  void start() throws Exception {
    media = TestMedia.get();
    threads = ThreadLeaks.baseline();
  }

  @AfterEach
  void stop() throws Exception {
    if (streamer != null) {
      streamer.close();
    }
    if (seeder != null) {
      seeder.close();
    }
    assertThat(threads.survivors()).as("threads left running").isEmpty();
  }

  @Test
  void aMagnetWithOnlyAPeerAddressStreamsTheWholeFile() throws Exception {
    seeder = LibtorrentSeeder.start(media.directory, media.torrent, 0);
    streamer = loopbackStreamer();
    TorrentMetadata expected = TorrentMetadata.parse(media.torrent);
    MagnetLink magnet =
        MagnetLink.parse(
            "magnet:?xt=urn:btih:" + expected.infoHash() + "&x.pe=127.0.0.1:" + seeder.port());

    StreamingTorrent torrent = streamer.open(magnet, OpenOptions.defaults());
    TorrentMetadata metadata = torrent.awaitMetadata(Duration.ofSeconds(20));

    assertThat(metadata.infoHash()).isEqualTo(expected.infoHash());
    assertThat(metadata.files()).isEqualTo(expected.files());
    try (MediaChannel channel = torrent.openChannel()) {
      Random random = new Random(7);
      for (int i = 0; i < 20; i++) {
        int start = random.nextInt(media.videoBytes.length);
        int length = Math.min(1 + random.nextInt(100_000), media.videoBytes.length - start);
        assertThat(readAt(channel, start, length))
            .as("bytes %d..%d", start, start + length)
            .isEqualTo(Arrays.copyOfRange(media.videoBytes, start, start + length));
      }
    }
  }

  private TorrentStreamer loopbackStreamer() throws Exception {
    return TorrentStreamer.builder()
        .downloadDirectory(downloads)
        .listenAddress(InetAddress.getLoopbackAddress())
        .dht(false)
        .readTimeout(Duration.ofSeconds(30))
        .start();
  }

  static byte[] readAt(MediaChannel channel, long position, int length) throws Exception {
    channel.position(position);
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        break;
      }
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }
}
