package io.syncer.benchmarks.torrent;

import bt.torrent.maker.TorrentBuilder;
import io.syncer.torrent.MediaChannel;
import io.syncer.torrent.OpenOptions;
import io.syncer.torrent.PeerAddress;
import io.syncer.torrent.StreamingTorrent;
import io.syncer.torrent.TorrentStreamer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Streaming on 127.0.0.1 from a bandwidth-capped libtorrent seeder: time to the first byte and to
 * the first 2 MB, seek latency to 25/50/75 % of the file, and stalls while reading at the media
 * bitrate; the same with libtorrent itself streaming (set_piece_deadline). Needs ffmpeg and
 * python3-libtorrent (scripts/test-setup.d/30-torrent-peers.sh). Run from the repository root:
 *
 * <pre>java -cp ... io.syncer.benchmarks.torrent.StreamingBenchmark [runs]</pre>
 */
public final class StreamingBenchmark {
  private static final String PYTHON = "/usr/bin/python3";
  private static final int DURATION_SECONDS = 60;
  private static final int VIDEO_BITRATE = 2_000_000;
  private static final int PIECE_LENGTH = 256 * 1024;
  private static final int FIRST_BYTES = 2_000_000;
  private static final int PLAYBACK_SECONDS = 20;

  private final Path work = Path.of("benchmarks", "target", "streaming-bench").toAbsolutePath();
  private Path video;
  private byte[] torrent;
  private int uploadCap;
  private long bytesPerSecond;

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    new StreamingBenchmark().run(runs);
  }

  private void run(int runs) throws Exception {
    prepareMedia();
    System.out.printf("file %d bytes, %d s, media bitrate %d B/s, seeder capped at %d B/s, pieces %d KiB%n",
        Files.size(video), DURATION_SECONDS, bytesPerSecond, uploadCap, PIECE_LENGTH / 1024);
    for (int run = 1; run <= runs; run++) {
      System.out.println("run " + run + " syncer: " + syncer(run));
      System.out.println("run " + run + " libtorrent: " + libtorrent());
      System.out.println("run " + run + " syncer stalls in " + PLAYBACK_SECONDS + " s at media bitrate: "
          + playbackStalls(run));
    }
  }

  private void prepareMedia() throws IOException, InterruptedException {
    Files.createDirectories(work);
    video = work.resolve("movie.mp4");
    if (!Files.exists(video)) {
      run(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error",
          "-f", "lavfi", "-i", "testsrc=duration=" + DURATION_SECONDS + ":size=1280x720:rate=25",
          "-vf", "noise=alls=20:allf=t", "-c:v", "libx264", "-preset", "ultrafast",
          "-b:v", Integer.toString(VIDEO_BITRATE), "-maxrate", Integer.toString(VIDEO_BITRATE),
          "-bufsize", "1M", video.toString()));
    }
    torrent = new TorrentBuilder().rootPath(work).addFile(video).pieceSize(PIECE_LENGTH).build();
    bytesPerSecond = Files.size(video) / DURATION_SECONDS;
    uploadCap = (int) (2 * bytesPerSecond);
  }

  /** Our stack: time to first byte, to 2 MB, and seek latencies, in seconds. */
  private String syncer(int run) throws Exception {
    try (Seeder seeder = new Seeder(); TorrentStreamer streamer = streamer("syncer-" + run)) {
      long start = System.nanoTime();
      StreamingTorrent streamed = streamer.open(torrent,
          OpenOptions.defaults().withMediaDuration(Duration.ofSeconds(DURATION_SECONDS)));
      streamed.addPeer(new PeerAddress("127.0.0.1", seeder.port));
      try (MediaChannel channel = streamed.openChannel()) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        channel.read(buffer);
        double firstByte = seconds(start);
        long read = buffer.position();
        while (read < FIRST_BYTES) {
          buffer.clear();
          read += channel.read(buffer);
        }
        double first2mb = seconds(start);
        List<String> seeks = new ArrayList<>();
        for (int percent : new int[] {25, 50, 75}) {
          long asked = System.nanoTime();
          channel.position(channel.size() * percent / 100).read(ByteBuffer.allocate(1));
          seeks.add(percent + "%=" + format(seconds(asked)));
        }
        return "first byte " + format(firstByte) + " s, first 2 MB " + format(first2mb) + " s, seeks " + seeks;
      }
    }
  }

  /** Reads from the start at the media bitrate; counts the reads that had to wait. */
  private int playbackStalls(int run) throws Exception {
    try (Seeder seeder = new Seeder(); TorrentStreamer streamer = streamer("playback-" + run)) {
      StreamingTorrent streamed = streamer.open(torrent,
          OpenOptions.defaults().withMediaDuration(Duration.ofSeconds(DURATION_SECONDS)));
      streamed.addPeer(new PeerAddress("127.0.0.1", seeder.port));
      try (MediaChannel channel = streamed.openChannel()) {
        ByteBuffer tick = ByteBuffer.allocate((int) (bytesPerSecond / 10));
        channel.read(ByteBuffer.allocate(1));
        int before = streamed.status().stalls();
        long next = System.nanoTime();
        for (int i = 0; i < PLAYBACK_SECONDS * 10; i++) {
          tick.clear();
          while (tick.hasRemaining() && channel.read(tick) >= 0) {
            // a 100 ms slice of the media
          }
          next += TimeUnit.MILLISECONDS.toNanos(100);
          long sleep = next - System.nanoTime();
          if (sleep > 0) {
            TimeUnit.NANOSECONDS.sleep(sleep);
          }
        }
        return streamed.status().stalls() - before;
      }
    }
  }

  private String libtorrent() throws Exception {
    Path torrentFile = work.resolve("movie.torrent");
    Files.write(torrentFile, torrent);
    try (Seeder seeder = new Seeder()) {
      return run(List.of(PYTHON, "benchmarks/src/main/python/libtorrent_streamer.py",
          "--torrent", torrentFile.toString(), "--peer-port", Integer.toString(seeder.port))).strip();
    }
  }

  private TorrentStreamer streamer(String name) throws IOException {
    return TorrentStreamer.builder()
        .downloadDirectory(Files.createTempDirectory(work, name))
        .listenAddress(InetAddress.getLoopbackAddress())
        .dht(false)
        .start();
  }

  /** A capped libtorrent seeder of the benchmark torrent (syncer-torrent's test seeder). */
  private final class Seeder implements AutoCloseable {
    private final Process process;
    private final int port;

    Seeder() throws IOException {
      Path torrentFile = work.resolve("seed.torrent");
      Files.write(torrentFile, torrent);
      process = new ProcessBuilder(PYTHON, "syncer-torrent/src/test/python/seeder.py",
          "--torrent", torrentFile.toString(), "--data", work.toString(),
          "--upload-limit", Integer.toString(uploadCap))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      if (line == null || !line.startsWith("PORT ")) {
        process.destroyForcibly();
        throw new IOException("seeder did not start: " + line);
      }
      port = Integer.parseInt(line.substring(5).trim());
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String format(double seconds) {
    return String.format("%.2f", seconds);
  }
}
