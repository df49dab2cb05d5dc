package io.syncer.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.torrent.testing.ExternalTools;
import io.syncer.torrent.testing.LibtorrentSeeder;
import io.syncer.torrent.testing.TestMedia;
import io.syncer.torrent.testing.ThreadLeaks;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streams a generated video (MP4, moov at the end) from a foreign seeder, libtorrent, over
 * 127.0.0.1. Needs ffmpeg and python3-libtorrent (scripts/test-setup.d/30-torrent-peers.sh).
 */
class LoopbackStreamingTest {
  /** Slow enough that a 3 MB file takes about 20 s, so partial states can be observed. */
  private static final int SLOW_UPLOAD = 160_000;

  @TempDir Path downloads;

  private TestMedia media;
  private TorrentMetadata expected;
  private ThreadLeaks threads;
  private LibtorrentSeeder seeder;
  private TorrentStreamer streamer;
  private StreamServer http;

  @BeforeEach
  void start() throws Exception {
    media = TestMedia.get();
    expected = TorrentMetadata.parse(media.torrent);
    threads = ThreadLeaks.baseline();
  }

  @AfterEach
  void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (streamer != null) {
      streamer.close();
    }
    if (seeder != null) {
      seeder.close();
    }
    assertThat(threads.survivors()).as("threads left running").isEmpty();
    try (Stream<Path> files = Files.walk(downloads)) {
      assertThat(files).allSatisfy(file -> assertThat(file.toRealPath()).startsWith(downloads.toRealPath()));
    }
  }

  @Test
  void aMagnetWithOnlyAPeerAddressStreamsTheFileAndHttpServesExactBytes() throws Exception {
    seeder = LibtorrentSeeder.start(media.directory, media.torrent, 0);
    streamer = loopbackStreamer();

    StreamingTorrent torrent = streamer.open(magnetWithPeer(seeder.port()), OpenOptions.defaults());
    TorrentMetadata metadata = torrent.awaitMetadata(Duration.ofSeconds(60));

    assertThat(metadata).isEqualTo(expected);
    http = StreamServer.start(0);
    URI url = http.publish(torrent);
    assertThat(url.toString()).endsWith("/" + expected.infoHash() + "/0/clip.mp4");
    HttpClient client = HttpClient.newHttpClient();
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      int start = random.nextInt(media.videoBytes.length);
      int end = Math.min(start + random.nextInt(200_000), media.videoBytes.length - 1);
      HttpResponse<byte[]> response = client.send(
          HttpRequest.newBuilder(url).header("Range", "bytes=" + start + "-" + end).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).isEqualTo(206);
      assertThat(response.headers().firstValue("content-type")).hasValue("video/mp4");
      assertThat(response.body()).as("bytes %d-%d", start, end)
          .isEqualTo(Arrays.copyOfRange(media.videoBytes, start, end + 1));
    }
    HttpResponse<byte[]> whole = client.send(HttpRequest.newBuilder(url).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(media.videoBytes);
    assertThat(torrent.bufferedRanges()).containsExactly(new ByteRange(0, media.videoBytes.length));
  }

  @Test
  void aSeekToTheLastTenPercentReturnsBytesWhileTheMiddleIsStillMissing() throws Exception {
    seeder = LibtorrentSeeder.start(media.directory, media.torrent, SLOW_UPLOAD);
    streamer = loopbackStreamer();
    StreamingTorrent torrent = streamer.open(media.torrent, OpenOptions.defaults());
    int length = media.videoBytes.length;
    int position = length * 92 / 100;

    RecordingListener events = new RecordingListener();
    torrent.addListener(events);
    torrent.addPeer(new PeerAddress("127.0.0.1", seeder.port()));
    try (MediaChannel channel = torrent.openChannel()) {
      assertThat(readAt(channel, position, 20_000))
          .isEqualTo(Arrays.copyOfRange(media.videoBytes, position, position + 20_000));

      assertThat(torrent.bufferedAhead(length / 2)).as("middle of the file").isZero();
      StreamStatus status = torrent.status();
      assertThat(status.piecesVerified()).isLessThan(status.pieceCount() / 2);
      assertThat(status.stalls()).isPositive();
      assertThat(status.playheadPosition()).isEqualTo(position + 20_000);
      assertThat(status.bufferedAheadBytes()).isPositive().isLessThanOrEqualTo(channel.bufferedAhead());
      assertThat(events.stallEnded.await(10, TimeUnit.SECONDS)).as("stall ended event").isTrue();
      assertThat(events.downloading.await(10, TimeUnit.SECONDS)).as("status with a download rate").isTrue();
    }
  }

  /** Waits for the events a UI would show while the slow download runs. */
  private static final class RecordingListener implements StreamListener {
    final CountDownLatch stallEnded = new CountDownLatch(1);
    final CountDownLatch downloading = new CountDownLatch(1);

    @Override
    public void onStatus(StreamStatus status) {
      if (status.downloadBytesPerSecond() > 0 && status.peers() == 1 && status.metadataKnown()) {
        downloading.countDown();
      }
    }

    @Override
    public void onStallEnded(long position, Duration stalledFor) {
      if (!stalledFor.isNegative()) {
        stallEnded.countDown();
      }
    }
  }

  @Test
  void ffprobeReadsTheDurationThroughHttpBeforeTheDownloadCompletes() throws Exception {
    seeder = LibtorrentSeeder.start(media.directory, media.torrent, SLOW_UPLOAD);
    streamer = loopbackStreamer();
    StreamingTorrent torrent =
        streamer.open(magnetWithPeer(seeder.port()), OpenOptions.defaults());
    torrent.awaitMetadata(Duration.ofSeconds(60));
    http = StreamServer.start(0);
    URI url = http.publish(torrent);

    String duration = ExternalTools.run(downloads, "ffprobe", "-v", "error", "-show_entries",
        "format=duration", "-of", "csv=p=0", url.toString()).strip();

    assertThat(Double.parseDouble(duration)).isCloseTo(TestMedia.DURATION_SECONDS, org.assertj.core.data.Offset.offset(0.5));
    StreamStatus status = torrent.status();
    assertThat(status.piecesVerified()).as("pieces when ffprobe finished").isLessThan(status.pieceCount());
  }

  @Test
  void garbageFromAFakePeerDoesNotStopStreamingFromTheRealOne() throws Exception {
    seeder = LibtorrentSeeder.start(media.directory, media.torrent, 0);
    streamer = loopbackStreamer();
    try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread garbage = new Thread(() -> sendGarbage(fake), "fake-peer");
      garbage.start();
      MagnetLink magnet = MagnetLink.parse("magnet:?xt=urn:btih:" + expected.infoHash()
          + "&x.pe=127.0.0.1:" + fake.getLocalPort() + "&x.pe=127.0.0.1:" + seeder.port());

      StreamingTorrent torrent = streamer.open(magnet, OpenOptions.defaults());
      torrent.awaitMetadata(Duration.ofSeconds(60));
      try (MediaChannel channel = torrent.openChannel()) {
        assertThat(readAt(channel, 0, media.videoBytes.length)).isEqualTo(media.videoBytes);
      }
      fake.close();
      garbage.join(10_000);
    }
  }

  @Test
  void aMagnetWhosePeersOnlySendGarbageTimesOutWithAClearError() throws Exception {
    streamer = loopbackStreamer();
    try (ServerSocket fake = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread garbage = new Thread(() -> sendGarbage(fake), "fake-peer");
      garbage.start();
      StreamingTorrent torrent = streamer.open(magnetWithPeer(fake.getLocalPort()), OpenOptions.defaults());

      assertThatThrownBy(() -> torrent.awaitMetadata(Duration.ofSeconds(3)))
          .isInstanceOf(StreamTimeoutException.class)
          .hasMessageContaining("no metadata");
      assertThatThrownBy(torrent::openChannel).isInstanceOf(IllegalStateException.class);
      fake.close();
      garbage.join(10_000);
    }
  }

  @Test
  void aHostileTorrentIsRejectedBeforeAnythingIsWritten() throws Exception {
    streamer = loopbackStreamer();
    byte[] hostile = Bencode.encode(java.util.Map.of("info",
        TorrentMetadataTest.info("x", java.util.List.of(TorrentMetadataTest.file(10, "..", "escape.mp4")), 10)));

    assertThatThrownBy(() -> streamer.open(hostile, OpenOptions.defaults()))
        .isInstanceOf(InvalidTorrentException.class)
        .hasMessageContaining("'..'");
    try (Stream<Path> files = Files.list(downloads)) {
      assertThat(files).isEmpty();
    }
  }

  private MagnetLink magnetWithPeer(int port) throws InvalidTorrentException {
    return MagnetLink.parse("magnet:?xt=urn:btih:" + expected.infoHash() + "&x.pe=127.0.0.1:" + port);
  }

  private TorrentStreamer loopbackStreamer() throws Exception {
    return TorrentStreamer.builder()
        .downloadDirectory(downloads)
        .listenAddress(InetAddress.getLoopbackAddress())
        .dht(false)
        .readTimeout(Duration.ofSeconds(60))
        .start();
  }

  /** Accepts connections and answers each with a handshake-sized burst of random bytes. */
  private static void sendGarbage(ServerSocket server) {
    Random random = new Random(11);
    while (!server.isClosed()) {
      try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
        byte[] junk = new byte[4096];
        random.nextBytes(junk);
        out.write(junk);
        out.flush();
      } catch (java.io.IOException e) {
        // the peer hung up on the garbage, or the test closed the server: both expected
      }
    }
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
