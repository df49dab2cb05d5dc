package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.TestSyncerServer;
import io.syncer.player.testing.TestTorrents;
import io.syncer.torrent.OpenOptions;
import io.syncer.torrent.TorrentMetadata;
import io.syncer.torrent.TorrentStreamer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two headless participants with the real engine ({@code --engine ffmpeg}), in separate JVMs,
 * stream the same generated counter video from a local seeder through the room — the owner
 * chooses it with {@code --media}, the member plays whatever the room plays — on a server that
 * requires accounts; their traces of the real media clock, compared at common wall times, agree
 * within one frame duration (40 ms) p95 during playback.
 */
@Tag("shaded-jar")
class RealEngineSyncIT {

  /** 8 s of play, a seek forward past what was downloaded first, 10 s more. */
  static final String SCRIPT = "play@0s,seek=20s@8s,end@18s";
  private static final int VIDEO_SECONDS = 40;
  private static final String PASSWORD = "correct horse battery";
  private static final Pattern ROOM_LINE = Pattern.compile("(?m)^ROOM (\\S+)$");
  private static final long STARTUP_SECONDS = 60;
  private static final long RUN_SECONDS = 120;

  @TempDir Path temp;
  private final Path dir = Path.of("target", "real-engine-sync");
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void twoRealPlayersStreamingFromASeederAgreeWithinOneFrameP95() throws Exception {
    Files.createDirectories(dir);
    Path video = CounterVideos.get(Format.MP4_H264_AAC, VIDEO_SECONDS);
    byte[] torrent = TestTorrents.torrentOf(video);
    TorrentMetadata metadata = TestTorrents.metadata(torrent);
    Path seeds = temp.resolve("seeder");
    TestTorrents.placeForSeeding(video, torrent, seeds);

    try (TestSyncerServer server = new TestSyncerServer(temp.resolve("server"));
        TorrentStreamer seeder = TorrentStreamer.builder().downloadDirectory(seeds)
            .listenAddress(InetAddress.getLoopbackAddress()).dht(false).start()) {
      seeder.open(torrent, OpenOptions.defaults());
      String magnet = metadata.magnetUri() + "&x.pe=127.0.0.1:" + seeder.listenAddress().getPort();
      String ws = server.webSocketUri().toString();

      Process owner = participant("owner", 0, 0, "--server", ws, "--user", "alice", "--register",
          "--create", "--media", magnet, "--await-members", "2", "--script", SCRIPT);
      String room = awaitRoomCode("owner");
      // The member's machine clock is 2.5 s ahead and runs 100 ppm fast: clock sync must hide it.
      Process member = participant("member", 2_500, 100, "--server", ws, "--user", "bob", "--register",
          "--room", room, "--duration", "2m");

      for (Process process : List.of(owner, member)) {
        assertThat(process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)).as("finished in time; logs in " + dir).isTrue();
        assertThat(process.exitValue()).as("exit code; logs in " + dir).isZero();
      }
    }

    List<TraceComparison.Trace> traces = new ArrayList<>();
    for (String name : List.of("owner", "member")) {
      TraceComparison.Trace trace = TraceComparison.read(dir.resolve(name + ".jsonl"));
      // Each played from the start, followed the seek to 20 s and played on after it.
      assertThat(trace.samples()).as(name).anyMatch(s -> !s.paused() && s.positionMicros() > 3_000_000L
          && s.positionMicros() < 8_000_000L);
      assertThat(trace.samples()).as(name).anyMatch(s -> !s.paused() && s.positionMicros() > 25_000_000L);
      traces.add(trace);
    }
    TraceComparison.Result result = TraceComparison.compare(traces, TraceComparison.Settings.defaults());
    String figure = String.format(Locale.ROOT,
        "2 FFmpeg participants streaming one torrent (member clock +2500 ms, +100 ppm), %d points:"
            + " p50 %.2f ms, p95 %.2f ms, max %.2f ms",
        result.points(), result.p50Millis(), result.p95Millis(), result.maxMillis());
    System.out.println(figure);
    Files.writeString(dir.resolve("result.txt"), figure + "\n");

    // At least 8 of the ~18 s of playback were steady enough to compare (50 ms grid).
    assertThat(result.points()).as(figure).isGreaterThanOrEqualTo(160);
    assertThat(result.p95Millis()).as(figure).isLessThanOrEqualTo(CounterVideos.FRAME_US / 1000.0);
  }

  private Process participant(String name, long offsetMillis, long skewPpm, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", playerJar(), "--headless",
        "--engine", "ffmpeg", "--name", name, "--trace", dir.resolve(name + ".jsonl").toString(),
        "--clock-offset-ms", Long.toString(offsetMillis), "--clock-skew-ppm", Long.toString(skewPpm),
        "--peer-address", "127.0.0.1", "--no-dht", "--download-dir", temp.resolve(name).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".log").toFile());
    builder.environment().put("SYNCER_PASSWORD", PASSWORD);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private static String playerJar() {
    String jar = System.getProperty("syncer.player.jar");
    assertThat(jar).as("system property syncer.player.jar (set by the build)").isNotNull();
    assertThat(Path.of(jar)).exists();
    return jar;
  }

  private String awaitRoomCode(String name) throws Exception {
    Path out = dir.resolve(name + ".out");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.exists(out)) {
        Matcher m = ROOM_LINE.matcher(Files.readString(out, StandardCharsets.UTF_8));
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no ROOM line from " + name + " in " + STARTUP_SECONDS + " s; see " + dir);
  }
}
