package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syncer.player.headless.TraceComparison.Result;
import io.syncer.player.headless.TraceComparison.Sample;
import io.syncer.player.headless.TraceComparison.Settings;
import io.syncer.player.headless.TraceComparison.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceComparisonTest {

  private static final long S = 1_000_000_000L;
  private static final long WALL0 = 1_795_521_600L * S;

  @TempDir Path dir;

  /**
   * The room's media position at {@code t} ns after WALL0: paused at 0 until 1 s, plays, seeks
   * to 300 s at 20 s, pauses at 30 s, plays again at 35 s, until 45 s; null while paused.
   */
  private static Long room(long t) {
    if (t < 1 * S || (t >= 30 * S && t < 35 * S)) {
      return null;
    }
    if (t < 20 * S) {
      return (t - 1 * S) / 1_000;
    }
    if (t < 30 * S) {
      return 300_000_000 + (t - 20 * S) / 1_000;
    }
    return 310_000_000 + (t - 35 * S) / 1_000;
  }

  /** A player that follows the room {@code offsetMicros} ahead, sampled with its own phase. */
  private static Trace player(String name, long offsetMicros, long phaseNanos) {
    return trace(name, phaseNanos, t -> {
      Long position = room(t);
      return position == null
          ? new long[] {pausedAt(t), 1}
          : new long[] {position + offsetMicros, 0};
    });
  }

  private static long pausedAt(long t) {
    return t < 1 * S ? 0 : 310_000_000;
  }

  /** Samples every 20 ms for 45 s; the function gives {position µs, paused 0/1} at offset t. */
  private static Trace trace(String name, long phaseNanos, LongFunction<long[]> state) {
    List<Sample> samples = new ArrayList<>();
    for (long t = phaseNanos; t <= 45 * S; t += 20_000_000) {
      long[] s = state.apply(t);
      samples.add(new Sample(WALL0 + t, s[0], 1.0, s[1] == 1));
    }
    return new Trace(name, samples);
  }

  @Test
  void theSpreadIsTheLargestDifferenceBetweenAnyTwoPlayers() {
    Result result =
        TraceComparison.compare(
            List.of(
                player("a", 0, 0), player("b", 3_000, 7_000_000), player("c", -2_000, 13_000_000)),
            Settings.defaults());
    assertThat(result.p50Millis()).isCloseTo(5.0, within(0.01));
    assertThat(result.p95Millis()).isCloseTo(5.0, within(0.01));
    assertThat(result.maxMillis()).isCloseTo(5.0, within(0.01));
    // Play, seek, pause, play, seen in three traces each.
    assertThat(result.events()).isEqualTo(12);
    // 19 + 10 + 10 s of playback on a 50 ms grid, minus 2 s of warm-up and 1 s around each event.
    assertThat(result.points()).isBetween(640, 680);
  }

  @Test
  void timeAroundEventsAndTheWarmUpIsNotCompared() {
    // b lands 200 ms late after the seek and needs 0.8 s to catch up; c starts 150 ms behind.
    Trace late = trace("b", 0, t -> {
      Long position = room(t);
      if (position == null) {
        return new long[] {pausedAt(t), 1};
      }
      long behind = t >= 20 * S && t < 20_800_000_000L ? 200_000 : 0;
      return new long[] {position - behind, 0};
    });
    Trace slowStart = trace("c", 0, t -> {
      Long position = room(t);
      if (position == null) {
        return new long[] {pausedAt(t), 1};
      }
      return new long[] {position - (t < 2 * S ? 150_000 : 0), 0};
    });
    List<Trace> traces = List.of(player("a", 0, 0), late, slowStart);

    Result steady = TraceComparison.compare(traces, Settings.defaults());
    assertThat(steady.maxMillis()).isCloseTo(0.0, within(0.01));

    Result everything = TraceComparison.compare(traces, new Settings(50_000_000, 0, 0, 1_000_000));
    assertThat(everything.maxMillis()).isGreaterThan(140.0);
  }

  @Test
  void aRateChangeIsNotAnEventSoAPlayerThatFollowsItLateCounts() {
    // From 10 s, the room plays at 1.05; b only from 10.5 s: 25 ms behind afterwards.
    LongFunction<long[]> room = t -> new long[] {
      t <= 10 * S ? t / 1_000 : 10_000_000 + (t - 10 * S) * 105 / 100_000, 0};
    LongFunction<long[]> late = t -> new long[] {
      t <= 10_500_000_000L ? t / 1_000 : 10_500_000 + (t - 10_500_000_000L) * 105 / 100_000, 0};
    Result result =
        TraceComparison.compare(
            List.of(trace("a", 0, room), trace("b", 0, late)), Settings.defaults());
    assertThat(result.events()).isZero();
    assertThat(result.maxMillis()).isCloseTo(25.0, within(0.05));
    assertThat(result.p95Millis()).isCloseTo(25.0, within(0.05));
  }

  @Test
  void pausedStretchesAreNotCompared() {
    // b stops at 0 from 10 s to 20 s while a plays on, then is back in step.
    Trace b = trace("b", 0, t -> {
      Long position = room(t);
      boolean stopped = t >= 10 * S && t < 20 * S;
      return position == null || stopped
          ? new long[] {stopped ? 0 : pausedAt(t), 1} : new long[] {position, 0};
    });
    Settings everything = new Settings(50_000_000, 0, 0, 1_000_000);
    Result withPause = TraceComparison.compare(List.of(player("a", 0, 0), b), everything);
    Result without =
        TraceComparison.compare(List.of(player("a", 0, 0), player("b", 0, 0)), everything);
    assertThat(withPause.maxMillis()).isCloseTo(0.0, within(0.01));
    assertThat(without.points() - withPause.points()).isBetween(199, 201);
  }

  @Test
  void holesInATraceAreNotInterpolatedOver() {
    Trace full = player("b", 0, 0);
    List<Sample> holed = new ArrayList<>(full.samples());
    holed.removeIf(s -> s.wallNanos() > WALL0 + 5 * S && s.wallNanos() < WALL0 + 6 * S);
    Settings everything = new Settings(50_000_000, 0, 0, 1_000_000);
    Result withHole =
        TraceComparison.compare(List.of(player("a", 0, 0), new Trace("b", holed)), everything);
    Result without = TraceComparison.compare(List.of(player("a", 0, 0), full), everything);
    assertThat(without.points() - withHole.points()).isBetween(19, 21);
  }

  @Test
  void allPausedIsNothingToCompare() {
    Trace paused = trace("b", 0, t -> new long[] {0, 1});
    assertThatThrownBy(
            () -> TraceComparison.compare(List.of(player("a", 0, 0), paused), Settings.defaults()))
        .hasMessageContaining("no common steady playback");
  }

  @Test
  void readsWhatTheTraceWriterWrites() throws Exception {
    Path file = dir.resolve("t.jsonl");
    Files.writeString(file,
        "{\"wallNanos\":1,\"positionMicros\":0,\"rate\":1.0,\"paused\":true}\n\n"
            + "{\"wallNanos\":2,\"positionMicros\":40,\"rate\":1.05,\"paused\":false,"
            + "\"extra\":1}\n");
    assertThat(TraceComparison.read(file).samples())
        .containsExactly(new Sample(1, 0, 1.0, true), new Sample(2, 40, 1.05, false));
  }

  @Test
  void namesTheFileAndLineOfAnythingThatIsNotATrace() throws Exception {
    assertUnreadable(
        "{\"wallNanos\":1,\"positionMicros\":0,\"rate\":1.0,\"paused\":true}\nnot json\n",
        ":2: not JSON");
    assertUnreadable("{\"wallNanos\":1.5,\"positionMicros\":0,\"rate\":1.0,\"paused\":true}\n",
        ":1: wallNanos must be an integer");
    assertUnreadable("{\"wallNanos\":1,\"positionMicros\":\"0\",\"rate\":1.0,\"paused\":true}\n",
        "positionMicros must be an integer");
    assertUnreadable("{\"wallNanos\":1,\"positionMicros\":0,\"rate\":-1,\"paused\":true}\n",
        "rate must be a positive number");
    assertUnreadable("{\"wallNanos\":1,\"positionMicros\":0,\"rate\":1,\"paused\":\"no\"}\n",
        "paused must be true or false");
    assertUnreadable("[1,2]\n", "expected a JSON object");
    assertUnreadable("{\"wallNanos\":99999999999999999999,\"positionMicros\":0,\"rate\":1,"
        + "\"paused\":true}\n", "wallNanos must be an integer");
    assertUnreadable(
        "{\"wallNanos\":5,\"positionMicros\":0,\"rate\":1.0,\"paused\":true}\n"
            + "{\"wallNanos\":4,\"positionMicros\":0,\"rate\":1.0,\"paused\":true}\n",
        ":2: wallNanos goes back in time");
  }

  @Test
  void refusesComparisonsThatMeanNothing() {
    Trace a = player("a", 0, 0);
    assertThatThrownBy(() -> TraceComparison.compare(List.of(a), Settings.defaults()))
        .hasMessageContaining("at least two traces");
    Trace later = new Trace("later", List.of(
        new Sample(WALL0 + 50 * S, 0, 1.0, false), new Sample(WALL0 + 51 * S, 1, 1.0, false)));
    assertThatThrownBy(() -> TraceComparison.compare(List.of(a, later), Settings.defaults()))
        .hasMessageContaining("do not overlap");
    Trace single = new Trace("single", List.of(new Sample(WALL0, 0, 1.0, false)));
    assertThatThrownBy(() -> TraceComparison.compare(List.of(a, single), Settings.defaults()))
        .hasMessageContaining("fewer than two samples");
    Trace yearLong = new Trace("long", List.of(
        new Sample(WALL0, 0, 1.0, false), new Sample(WALL0 + 365 * 86_400 * S, 0, 1.0, false)));
    assertThatThrownBy(
            () -> TraceComparison.compare(List.of(yearLong, yearLong), Settings.defaults()))
        .hasMessageContaining("too long");
  }

  private void assertUnreadable(String content, String expected) throws Exception {
    Path file = Files.createTempFile(dir, "bad", ".jsonl");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TraceComparison.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(expected);
  }
}
