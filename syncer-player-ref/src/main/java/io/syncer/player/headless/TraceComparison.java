package io.syncer.player.headless;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Measures how far apart several players really were, from their {@code --trace} files: each
 * trace is interpolated on a common wall-clock grid, and at every grid point where all of them
 * were playing in a steady state, the spread (largest position minus smallest: the largest
 * pairwise difference) is taken; the result is the distribution of that spread.
 *
 * <p>Not steady, hence skipped: anything within {@link Settings#settleNanos} of an event seen in
 * any trace (a pause or resume, or a position jump of at least {@link Settings#jumpMicros}, which
 * is what a seek looks like), the first {@link Settings#warmupNanos} after all players first
 * play (initial convergence), and gaps between samples longer than {@link #MAX_GAP_NANOS}.
 * Rate changes are not events: a player that follows one late is out of sync and counted so.
 *
 * <p>Thread-safety: stateless.
 */
final class TraceComparison {

  /** Samples further apart than this are a hole in the trace, not a line to interpolate on. */
  static final long MAX_GAP_NANOS = 250_000_000L;

  /** Most samples read from one trace (a day at 50 samples a second is 4.3 million). */
  static final int MAX_SAMPLES = 20_000_000;

  /** Most grid points compared: about six days on a 50 ms grid. */
  static final long MAX_GRID_POINTS = 10_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceComparison() {}

  /**
   * Reads a trace file.
   *
   * @throws IOException if it cannot be read
   * @throws IllegalArgumentException naming the file and line if it is not a trace
   */
  static Trace read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (samples.size() == MAX_SAMPLES) {
          throw new IllegalArgumentException(
              file + ": more than " + MAX_SAMPLES + " samples; compare shorter traces");
        }
        Sample sample;
        try {
          sample = parse(line);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": " + e.getMessage(), e);
        }
        long previousWall =
            samples.isEmpty() ? Long.MIN_VALUE : samples.get(samples.size() - 1).wallNanos();
        if (sample.wallNanos() < previousWall) {
          throw new IllegalArgumentException(
              file + ":" + lineNumber + ": wallNanos goes back in time");
        }
        samples.add(sample);
      }
    }
    return new Trace(file.toString(), samples);
  }

  private static Sample parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    JsonNode wall = node.get("wallNanos");
    JsonNode position = node.get("positionMicros");
    JsonNode rate = node.get("rate");
    JsonNode paused = node.get("paused");
    if (wall == null || !wall.canConvertToExactIntegral() || !wall.canConvertToLong()) {
      throw new IllegalArgumentException("wallNanos must be an integer");
    }
    if (position == null || !position.canConvertToExactIntegral() || !position.canConvertToLong()) {
      throw new IllegalArgumentException("positionMicros must be an integer");
    }
    if (rate == null || !rate.isNumber() || !(rate.doubleValue() > 0)) {
      throw new IllegalArgumentException("rate must be a positive number");
    }
    if (paused == null || !paused.isBoolean()) {
      throw new IllegalArgumentException("paused must be true or false");
    }
    return new Sample(
        wall.longValue(), position.longValue(), rate.doubleValue(), paused.booleanValue());
  }

  /**
   * Compares traces recorded at the same time on one host.
   *
   * @throws IllegalArgumentException if there are fewer than two traces or no common steady
   *     playback to compare
   */
  static Result compare(List<Trace> traces, Settings settings) {
    if (traces.size() < 2) {
      throw new IllegalArgumentException("comparing needs at least two traces");
    }
    long start = Long.MIN_VALUE;
    long end = Long.MAX_VALUE;
    for (Trace trace : traces) {
      if (trace.samples().size() < 2) {
        throw new IllegalArgumentException(trace.name() + " has fewer than two samples");
      }
      start = Math.max(start, trace.samples().get(0).wallNanos());
      end = Math.min(end, trace.samples().get(trace.samples().size() - 1).wallNanos());
    }
    if (start >= end) {
      throw new IllegalArgumentException("the traces do not overlap in time");
    }
    long[] events = events(traces, settings.jumpMicros());
    Cursor[] cursors = traces.stream().map(Cursor::new).toArray(Cursor[]::new);
    long gridPoints = (end - start) / settings.gridNanos() + 1;
    if (gridPoints > MAX_GRID_POINTS) {
      throw new IllegalArgumentException(
          "the traces overlap for " + (end - start) / 1_000_000_000L + " s: too long a time for a "
              + settings.gridNanos() / 1_000_000 + " ms grid");
    }
    double[] spreads = new double[(int) gridPoints];
    int count = 0;
    long firstPlay = Long.MIN_VALUE;
    for (long t = start; t <= end; t += settings.gridNanos()) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      boolean allPlaying = true;
      for (Cursor cursor : cursors) {
        double position = cursor.playingPositionAt(t);
        if (Double.isNaN(position)) {
          allPlaying = false;
          break;
        }
        min = Math.min(min, position);
        max = Math.max(max, position);
      }
      if (!allPlaying) {
        continue;
      }
      if (firstPlay == Long.MIN_VALUE) {
        firstPlay = t;
      }
      if (t < firstPlay + settings.warmupNanos() || nearEvent(events, t, settings.settleNanos())) {
        continue;
      }
      spreads[count++] = (max - min) / 1_000.0;
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          "the traces have no common steady playback to compare (all paused, seeking or settling)");
    }
    double[] sorted = Arrays.copyOf(spreads, count);
    Arrays.sort(sorted);
    return new Result(
        count, percentile(sorted, 0.50), percentile(sorted, 0.95), sorted[count - 1],
        events.length);
  }

  /** Wall times at which any trace pauses, resumes or jumps, sorted. */
  private static long[] events(List<Trace> traces, long jumpMicros) {
    List<Long> events = new ArrayList<>();
    for (Trace trace : traces) {
      List<Sample> samples = trace.samples();
      for (int i = 1; i < samples.size(); i++) {
        Sample a = samples.get(i - 1);
        Sample b = samples.get(i);
        double expected =
            a.paused() ? a.positionMicros()
                : a.positionMicros() + (b.wallNanos() - a.wallNanos()) / 1_000.0 * a.rate();
        if (a.paused() != b.paused() || Math.abs(b.positionMicros() - expected) >= jumpMicros) {
          events.add(a.wallNanos() + (b.wallNanos() - a.wallNanos()) / 2);
        }
      }
    }
    return events.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static boolean nearEvent(long[] events, long t, long settleNanos) {
    int i = Arrays.binarySearch(events, t - settleNanos);
    int next = i >= 0 ? i : -i - 1;
    return next < events.length && events[next] <= t + settleNanos;
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(double[] sorted, double q) {
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Walks one trace forward in time, interpolating between the samples around each instant. */
  private static final class Cursor {
    private final List<Sample> samples;
    private int next;

    Cursor(Trace trace) {
      this.samples = trace.samples();
    }

    /** The interpolated position at {@code t}, or NaN unless steadily playing around {@code t}. */
    double playingPositionAt(long t) {
      while (next < samples.size() && samples.get(next).wallNanos() <= t) {
        next++;
      }
      if (next == 0 || next == samples.size()) {
        return Double.NaN;
      }
      Sample a = samples.get(next - 1);
      Sample b = samples.get(next);
      long span = b.wallNanos() - a.wallNanos();
      if (a.paused() || b.paused() || span > MAX_GAP_NANOS) {
        return Double.NaN;
      }
      double fraction = (double) (t - a.wallNanos()) / span;
      return a.positionMicros() + (b.positionMicros() - a.positionMicros()) * fraction;
    }
  }

  /**
   * One trace file.
   *
   * @param name where it came from, for messages
   * @param samples its samples in order of wall time
   */
  record Trace(String name, List<Sample> samples) {
    Trace {
      Objects.requireNonNull(name, "name");
      samples = List.copyOf(samples);
    }
  }

  /**
   * One line of a trace.
   *
   * @param wallNanos host wall clock, ns since the epoch
   * @param positionMicros media position, µs
   * @param rate playback rate
   * @param paused whether paused
   */
  record Sample(long wallNanos, long positionMicros, double rate, boolean paused) {}

  /**
   * How to compare.
   *
   * @param gridNanos spacing of the comparison grid
   * @param settleNanos time skipped before and after each event
   * @param warmupNanos time skipped after all players first play
   * @param jumpMicros a position change this much beyond what the rate explains is a seek
   */
  record Settings(long gridNanos, long settleNanos, long warmupNanos, long jumpMicros) {
    Settings {
      if (gridNanos <= 0 || settleNanos < 0 || warmupNanos < 0 || jumpMicros <= 0) {
        throw new IllegalArgumentException(
            "grid and jump must be positive, settle and warm-up not negative");
      }
    }

    /** A 50 ms grid, 1 s around events, 2 s of warm-up, jumps of 1 s or more. */
    static Settings defaults() {
      return new Settings(50_000_000L, 1_000_000_000L, 2_000_000_000L, 1_000_000L);
    }
  }

  /**
   * The spread of the players' positions at the grid points compared, in milliseconds.
   *
   * @param points how many grid points were compared
   * @param p50Millis median spread
   * @param p95Millis 95th-percentile spread
   * @param maxMillis largest spread
   * @param events how many events (pause, resume, seek) the traces showed
   */
  record Result(int points, double p50Millis, double p95Millis, double maxMillis, int events) {}
}
