package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.server.SyncerServer;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of the headless participant: three participants in separate JVMs, each
 * emulating a machine with its own clock offset and skew, follow an owner's script of play, seek,
 * pause and play; their traces, compared at common wall times, must agree within 10 ms p95 during
 * steady playback.
 *
 * <p>The players report their continuous media clock ({@code --position-report clock}), as an
 * audio-clocked player does and as the {@code PlayerAdapter} SPI asks of its implementations;
 * seeks still take a random 150–400 ms and rate changes wait for the next tick.
 */
@Tag("shaded-jar")
class SyncAcrossEmulatedMachinesIT {

  /** About 50 s: 15 s of play, a seek, 15 s more, a pause, then 15 s of play again. */
  static final String SCRIPT = "play@0s,seek=300s@15s,pause@30s,play@35s,end@50s";

  private static final Pattern ROOM_LINE = Pattern.compile("(?m)^ROOM (\\S+)$");
  private static final long STARTUP_SECONDS = 60;
  private static final long RUN_SECONDS = 120;

  private final Path dir = Path.of("target", "sync-across-emulated-machines");
  private final List<Process> processes = new ArrayList<>();
  private SyncerServer server;

  @BeforeEach
  void startServer() throws IOException {
    Files.createDirectories(dir);
    server = SyncerServer.builder().host("127.0.0.1").port(0).build().start();
  }

  @AfterEach
  void stopEverything() throws InterruptedException {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void threeParticipantsWithSkewedClocksAgreeWithinTenMillisecondsP95() throws Exception {
    String ws = server.webSocketUri().toString();
    Process owner =
        participant("owner", -3_000, 150,
            "--server", ws, "--create", "--await-members", "3", "--script", SCRIPT);
    String room = awaitRoomCode("owner");
    Process steady =
        participant("steady", 0, 0, "--server", ws, "--room", room, "--duration", "3m");
    Process ahead =
        participant("ahead", 5_000, -150, "--server", ws, "--room", room, "--duration", "3m");

    for (Process process : List.of(owner, steady, ahead)) {
      assertThat(process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)).as("finished in time").isTrue();
      assertThat(process.exitValue()).as("exit code; logs in " + dir).isZero();
    }

    List<TraceComparison.Trace> traces = new ArrayList<>();
    for (String name : List.of("owner", "steady", "ahead")) {
      TraceComparison.Trace trace = TraceComparison.read(dir.resolve(name + ".jsonl"));
      // Each player followed the seek to 300 s and played on after the last play.
      assertThat(trace.samples()).anyMatch(s -> !s.paused() && s.positionMicros() > 310_000_000L);
      traces.add(trace);
    }
    TraceComparison.Result result =
        TraceComparison.compare(traces, TraceComparison.Settings.defaults());
    String figure =
        String.format(
            Locale.ROOT,
            "3 participants (offsets -3000/0/+5000 ms, skews +150/0/-150 ppm), %d points:"
                + " p50 %.2f ms, p95 %.2f ms, max %.2f ms",
            result.points(), result.p50Millis(), result.p95Millis(), result.maxMillis());
    System.out.println(figure);
    Files.writeString(dir.resolve("result.txt"), figure + "\n");

    // At least 25 of the script's ~45 s of playback were steady enough to compare.
    assertThat(result.points()).isGreaterThanOrEqualTo(500);
    assertThat(result.p95Millis()).as(figure).isLessThanOrEqualTo(10.0);
  }

  private Process participant(String name, long offsetMillis, long skewPpm, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-jar", playerJar(), "--headless",
        "--name", name, "--trace", dir.resolve(name + ".jsonl").toString(),
        "--clock-offset-ms", Long.toString(offsetMillis),
        "--clock-skew-ppm", Long.toString(skewPpm), "--position-report", "clock"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".log").toFile())
            .start();
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
    throw new AssertionError("no ROOM line from " + name + " in " + STARTUP_SECONDS + " s");
  }
}
