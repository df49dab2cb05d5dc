package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTracesTest {

  private static final long WALL0 = 1_795_521_600_000_000_000L;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return CompareTraces.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  /** Ten seconds of playback, {@code offsetMicros} ahead of the others. */
  private Path trace(String name, long offsetMicros) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (long t = 0; t <= 10_000_000_000L; t += 20_000_000) {
      lines.append("{\"wallNanos\":").append(WALL0 + t)
          .append(",\"positionMicros\":").append(t / 1_000 + offsetMicros)
          .append(",\"rate\":1.0,\"paused\":false}\n");
    }
    return Files.writeString(dir.resolve(name), lines);
  }

  @Test
  void printsTheSpreadOfThePlayers() throws Exception {
    int code = run(trace("a", 0).toString(), trace("b", 4_000).toString(),
        trace("c", 1_500).toString());
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("3 traces, 160 points on a 50 ms grid")
        .contains("max pairwise difference: p50 4.00 ms, p95 4.00 ms, max 4.00 ms");
  }

  @Test
  void failsWhenTheP95IsAboveTheLimit() throws Exception {
    int code = run("--max-p95-ms", "3", trace("a", 0).toString(), trace("b", 4_000).toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("p95 4.00 ms is above 3.00 ms");
  }

  @Test
  void reportsUnreadableTracesWithoutAStackTrace() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad"), "{\"wallNanos\":true}\n");
    int code = run(trace("a", 0).toString(), bad.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("bad:1: wallNanos must be an integer")
        .doesNotContain("\tat ");

    int missing = run(trace("a", 0).toString(), dir.resolve("missing").toString());
    assertThat(missing).isEqualTo(1);
    assertThat(err.toString()).contains("Cannot read a trace").doesNotContain("\tat ");
  }

  @Test
  void aBadCommandLineIsAUsageError() throws Exception {
    assertThat(run(trace("a", 0).toString())).isEqualTo(2);
    assertThat(run("--grid-ms", "0", trace("a", 0).toString(), trace("b", 0).toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Invalid option").doesNotContain("\tat ");
  }
}
