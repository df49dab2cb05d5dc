package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceWriterTest {

  @TempDir Path dir;

  @Test
  void writesOneJsonLinePerSampleStampedWithWallTimeNotThePlayersClock() throws Exception {
    ManualClock local = new ManualClock(10_000_000);
    VirtualPlayer player =
        new VirtualPlayer(local, VirtualPlayer.Config.defaults(), new SplittableRandom(1));
    Instant wall = Instant.parse("2026-11-24T12:00:00.123456789Z");
    Path file = dir.resolve("trace.jsonl");
    try (TraceWriter trace = new TraceWriter(file, player, Clock.fixed(wall, ZoneOffset.UTC))) {
      trace.writeSample();
      player.setRate(1.25);
      local.advance(10_000);
      player.play();
      local.advance(1_000_000);
      trace.writeSample();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines)
        .containsExactly(
            "{\"wallNanos\":1795521600123456789,\"positionMicros\":0,\"rate\":1.0,\"paused\":true}",
            "{\"wallNanos\":1795521600123456789,\"positionMicros\":1250000,\"rate\":1.25,"
                + "\"paused\":false}");
  }

  @Test
  void samplesOnItsOwnThreadUntilClosed() throws Exception {
    VirtualPlayer player =
        new VirtualPlayer(
            new ManualClock(0), VirtualPlayer.Config.defaults(), new SplittableRandom(1));
    Path file = dir.resolve("live.jsonl");
    TraceWriter trace = TraceWriter.start(file, player);
    while (Files.readAllLines(file).size() < 5) {
      Thread.sleep(10);
    }
    trace.close();
    assertThat(TraceComparison.read(file).samples()).hasSizeGreaterThanOrEqualTo(5);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("trace-writer") && t.isAlive());
    long linesAtClose = Files.readAllLines(file).size();
    Thread.sleep(3 * TraceWriter.PERIOD_MICROS / 1_000);
    assertThat(Files.readAllLines(file))
        .as("nothing written after close")
        .hasSize((int) linesAtClose);
  }
}
