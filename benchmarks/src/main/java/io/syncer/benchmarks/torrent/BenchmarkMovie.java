package io.syncer.benchmarks.torrent;

import bt.torrent.maker.TorrentBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The movie the torrent benchmarks stream: a generated 60 s 720p H.264 MP4 (moov at the end) in
 * a single-file torrent of 256 KiB pieces, made once under {@code benchmarks/target}. Needs
 * ffmpeg. Run from the repository root.
 */
final class BenchmarkMovie {
  static final String PYTHON = "/usr/bin/python3";
  static final int DURATION_SECONDS = 60;
  static final int PIECE_LENGTH = 256 * 1024;
  private static final int VIDEO_BITRATE = 2_000_000;

  final Path work;
  final Path video;
  final Path torrentFile;
  final byte[] torrent;
  final long length;
  final long bytesPerSecond;
  /** The seeder's upload cap: twice the media bitrate. */
  final int uploadCap;

  private BenchmarkMovie(Path work) throws IOException, InterruptedException {
    this.work = work;
    Files.createDirectories(work);
    deleteDownloads();
    Runtime.getRuntime().addShutdownHook(new Thread(this::deleteDownloads, "delete-benchmark-downloads"));
    video = work.resolve("movie.mp4");
    if (!Files.exists(video)) {
      run(List.of("ffmpeg", "-y", "-hide_banner", "-loglevel", "error",
          "-f", "lavfi", "-i", "testsrc=duration=" + DURATION_SECONDS + ":size=1280x720:rate=25",
          "-vf", "noise=alls=20:allf=t", "-c:v", "libx264", "-preset", "ultrafast",
          "-b:v", Integer.toString(VIDEO_BITRATE), "-maxrate", Integer.toString(VIDEO_BITRATE),
          "-bufsize", "1M", video.toString()));
    }
    torrent = new TorrentBuilder().rootPath(work).addFile(video).pieceSize(PIECE_LENGTH).build();
    torrentFile = work.resolve("movie.torrent");
    Files.write(torrentFile, torrent);
    length = Files.size(video);
    bytesPerSecond = length / DURATION_SECONDS;
    uploadCap = (int) (2 * bytesPerSecond);
  }

  static BenchmarkMovie prepare() throws IOException, InterruptedException {
    return new BenchmarkMovie(Path.of("benchmarks", "target", "streaming-bench").toAbsolutePath());
  }

  /** A new directory for one client's downloads, deleted when the benchmark ends or starts again. */
  Path downloadDirectory(String prefix) throws IOException {
    return Files.createTempDirectory(work, prefix);
  }

  /** Every client's downloads (a full run leaves over 1 GB); the movie and its torrent stay. */
  private void deleteDownloads() {
    try (Stream<Path> entries = Files.list(work)) {
      for (Path directory : entries.filter(Files::isDirectory).toList()) {
        try (Stream<Path> tree = Files.walk(directory)) {
          for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(path);
          }
        }
      }
    } catch (IOException e) {
      System.err.println("could not delete old downloads in " + work + ": " + e);
    }
  }

  int pieceCount() {
    return (int) ((length + PIECE_LENGTH - 1) / PIECE_LENGTH);
  }

  String describe() {
    return String.format(
        "file %d bytes, %d s, media bitrate %d B/s, seeder capped at %d B/s, pieces %d KiB",
        length, DURATION_SECONDS, bytesPerSecond, uploadCap, PIECE_LENGTH / 1024);
  }

  /** Runs a command to completion and returns its output; fails if it exits non-zero. */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " failed: " + output);
      }
      return output;
    } finally {
      process.destroyForcibly();
    }
  }

  /** The 1-minute load average, to print next to real-time figures. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  static String format(double seconds) {
    return String.format("%.2f", seconds);
  }
}
