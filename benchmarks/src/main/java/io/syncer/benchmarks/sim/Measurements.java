package io.syncer.benchmarks.sim;

import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What one simulation run observed, measured on true time against the server's own timelines,
 * and how it is reduced to the reported figures.
 *
 * <p>Every {@link #SAMPLE_INTERVAL_US} the true media position of every started player is
 * sampled. A member <em>converges</em> after an event (its join; an owner's timeline change it
 * applied, with the waits and resumes the server added because of it)
 * at the first sample from which its true offset from the timeline stays within {@link
 * #CONVERGED_BAND_US} for {@link #CONVERGED_HOLD_US}. A sample counts for the offset figures
 * once every started member has converged after its latest event, or that event is {@link
 * #CONVERGENCE_CAP_US} old (so a policy that never converges is still measured).
 *
 * <p>Thread-safety: not thread-safe; used from the simulation thread.
 */
final class Measurements implements SimulatedParticipant.Observer {

  static final long SAMPLE_INTERVAL_US = 100_000;
  /** In sync to perception: two frames' worth at 50 fps, the Haas fusion threshold. */
  static final long CONVERGED_BAND_US = 40_000;
  static final long CONVERGED_HOLD_US = 5_000_000;
  static final long CONVERGENCE_CAP_US = 60_000_000;
  /** A rate this far from the timeline's counts as a correction rather than a clock trim. */
  static final double NON_UNIT_RATE = 0.001;

  private static final long NO_SAMPLES = -2;

  /** Why a member's convergence clock restarted. */
  enum EventKind {
    JOIN,
    SEEK,
    OTHER
  }

  private record Event(long atUs, EventKind kind) {}

  private record Seek(int participant, long atUs) {}

  private final int participants;
  private final long startUs;
  private final NavigableMap<Long, Timeline> timelines = new TreeMap<>();
  private final Map<Long, List<Long>> applies = new HashMap<>();
  private final Map<Long, TimelineCause> causes = new HashMap<>();
  private final List<List<Event>> events = new ArrayList<>();
  private final List<Seek> correctiveSeeks = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<Long> sampleTimes = new ArrayList<>();
  private final List<double[]> sampleOffsets = new ArrayList<>();
  private final double[] nonUnitRateUs;
  private final double[] playingUs;
  private String roomCode;

  Measurements(int participants, long startUs) {
    this.participants = participants;
    this.startUs = startUs;
    for (int i = 0; i < participants; i++) {
      events.add(new ArrayList<>());
    }
    nonUnitRateUs = new double[participants];
    playingUs = new double[participants];
  }

  String roomCode() {
    return roomCode;
  }

  /** A member connected: its convergence clock starts. */
  void joined(int participant, long trueUs) {
    events.get(participant).add(new Event(trueUs, EventKind.JOIN));
  }

  @Override
  public void roomCreated(String code) {
    roomCode = code;
  }

  @Override
  public void timeline(Timeline timeline) {
    timelines.putIfAbsent(timeline.version(), timeline);
  }

  @Override
  public void applied(int participant, long version, TimelineCause cause, long trueUs) {
    applies.computeIfAbsent(version, v -> new ArrayList<>()).add(trueUs);
    causes.put(version, cause);
    Timeline timeline = timelines.get(version);
    // The server's own wait and resume are consequences of an owner's command, not new events.
    boolean serverMade = cause == TimelineCause.WAIT || cause == TimelineCause.RESUME;
    if (timeline != null && !timeline.paused() && !serverMade) {
      EventKind kind = cause == TimelineCause.SEEK ? EventKind.SEEK : EventKind.OTHER;
      events.get(participant).add(new Event(timeline.anchorUs(), kind));
    }
  }

  @Override
  public void correctiveSeek(int participant, long trueUs) {
    correctiveSeeks.add(new Seek(participant, trueUs));
  }

  @Override
  public void protocolError(int participant, String description) {
    errors.add("participant " + participant + ": " + description);
  }

  /** The server's timeline in effect at true (server) time {@code trueUs}, or null. */
  Timeline timelineAt(long trueUs) {
    Timeline effective = null;
    for (Timeline t : timelines.values()) {
      if (t.anchorUs() <= trueUs) {
        effective = t;
      }
    }
    return effective;
  }

  /** Samples every started player (called every {@link #SAMPLE_INTERVAL_US} of true time). */
  void sample(long trueUs, List<SimulatedParticipant> members) {
    Timeline timeline = timelineAt(trueUs);
    if (timeline == null || timeline.paused()) {
      return;
    }
    double[] offsets = new double[participants];
    Arrays.fill(offsets, Double.NaN);
    long expected = timeline.positionAt(trueUs);
    for (SimulatedParticipant member : members) {
      if (!member.started()) {
        continue;
      }
      SimulatedPlayer player = member.player();
      offsets[member.index] = player.exactPositionUs() - expected;
      if (player.playing() && !player.seeking()) {
        playingUs[member.index] += SAMPLE_INTERVAL_US;
        if (Math.abs(player.rate() / timeline.rate() - 1) > NON_UNIT_RATE) {
          nonUnitRateUs[member.index] += SAMPLE_INTERVAL_US;
        }
      }
    }
    sampleTimes.add(trueUs);
    sampleOffsets.add(offsets);
  }

  /**
   * Reduces the run to its figures; with a {@code trace}, also writes one line per sample
   * ({@code sample POLICY SECONDS COUNTED SPREAD_MS OFFSET_MS...}, NaN for a member not playing)
   * and per command ({@code command POLICY VERSION SECONDS SPREAD_MS APPLIED_AFTER_FIRST_MS...}).
   */
  SimResult result(String policy, Appendable trace) {
    int n = sampleTimes.size();
    boolean[] counted = new boolean[n];
    Arrays.fill(counted, true);
    List<Double> joinSeconds = new ArrayList<>();
    List<Double> seekSeconds = new ArrayList<>();
    int unconverged = 0;
    List<long[]> convergedWindows = new ArrayList<>();
    for (int member = 0; member < participants; member++) {
      List<Event> memberEvents = events.get(member);
      for (int e = 0; e < memberEvents.size(); e++) {
        Event event = memberEvents.get(e);
        long endUs = e + 1 < memberEvents.size() ? memberEvents.get(e + 1).atUs : Long.MAX_VALUE;
        long converged = convergence(member, event.atUs, endUs);
        if (converged == NO_SAMPLES) {
          continue;
        }
        if (event.kind != EventKind.OTHER) {
          if (converged >= 0) {
            (event.kind == EventKind.JOIN ? joinSeconds : seekSeconds)
                .add((converged - event.atUs) / 1e6);
          } else if (endUs != Long.MAX_VALUE || lastSampleUs() - event.atUs >= CONVERGENCE_CAP_US) {
            unconverged++;
          }
        }
        long countsFrom =
            converged >= 0 ? Math.min(converged, event.atUs + CONVERGENCE_CAP_US)
                : event.atUs + CONVERGENCE_CAP_US;
        convergedWindows.add(new long[] {member, countsFrom, endUs});
        for (int s = 0; s < n; s++) {
          long t = sampleTimes.get(s);
          if (t >= event.atUs && t < endUs && t < countsFrom
              && !Double.isNaN(sampleOffsets.get(s)[member])) {
            counted[s] = false;
          }
        }
      }
    }
    List<Double> spreads = new ArrayList<>();
    List<double[]> series = new ArrayList<>();
    List<List<Double>> memberOffsets = new ArrayList<>();
    for (int member = 0; member < participants; member++) {
      memberOffsets.add(new ArrayList<>());
    }
    for (int s = 0; s < n; s++) {
      double[] offsets = sampleOffsets.get(s);
      double spread = spread(offsets);
      if (Double.isNaN(spread)) {
        continue;
      }
      series.add(new double[] {(sampleTimes.get(s) - startUs) / 60e6, spread / 1000});
      if (trace != null) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "sample %s %.1f %d %.3f",
            policy, (sampleTimes.get(s) - startUs) / 1e6, counted[s] ? 1 : 0, spread / 1000));
        for (double offset : offsets) {
          line.append(String.format(Locale.ROOT, " %.3f", offset / 1000));
        }
        writeLine(trace, line);
      }
      if (counted[s]) {
        spreads.add(spread / 1000);
        for (int member = 0; member < participants; member++) {
          if (!Double.isNaN(offsets[member])) {
            memberOffsets.get(member).add(offsets[member] / 1000);
          }
        }
      }
    }
    int seeksAfter = 0;
    for (Seek seek : correctiveSeeks) {
      for (long[] window : convergedWindows) {
        if (window[0] == seek.participant && seek.atUs >= window[1] && seek.atUs < window[2]) {
          seeksAfter++;
          break;
        }
      }
    }
    double memberHours = Arrays.stream(playingUs).sum() / 3600e6;
    int waits = 0;
    double waitSeconds = 0;
    for (Map.Entry<Long, Timeline> entry : timelines.entrySet()) {
      if (causes.get(entry.getKey()) == TimelineCause.WAIT) {
        waits++;
        Map.Entry<Long, Timeline> next = timelines.higherEntry(entry.getKey());
        long endUs = next != null ? next.getValue().anchorUs() : lastSampleUs();
        waitSeconds += Math.max(0, endUs - entry.getValue().anchorUs()) / 1e6;
      }
    }
    double runHours = (lastSampleUs() - startUs) / 3600e6;
    List<Double> commandSpreads = new ArrayList<>();
    for (Map.Entry<Long, List<Long>> applied : applies.entrySet()) {
      List<Long> times = applied.getValue();
      if (times.size() >= 2) {
        long min = times.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = times.stream().mapToLong(Long::longValue).max().orElseThrow();
        commandSpreads.add((max - min) / 1000.0);
        if (trace != null) {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "command %s %d %.3f %.3f",
              policy, applied.getKey(), (min - startUs) / 1e6, (max - min) / 1000.0));
          times.stream().sorted().forEach(
              t -> line.append(String.format(Locale.ROOT, " %.3f", (t - min) / 1000.0)));
          writeLine(trace, line);
        }
      }
    }
    List<Double> allSeconds = new ArrayList<>(joinSeconds);
    allSeconds.addAll(seekSeconds);
    return new SimResult(
        policy,
        Stats.of(spreads),
        Stats.of(allSeconds),
        Stats.of(joinSeconds),
        Stats.of(seekSeconds),
        unconverged,
        memberHours > 0 ? correctiveSeeks.size() / memberHours : 0,
        memberHours > 0 ? seeksAfter / memberHours : 0,
        seeksAfter,
        memberHours > 0 ? Arrays.stream(nonUnitRateUs).sum() / 1e6 / memberHours : 0,
        Stats.of(commandSpreads),
        runHours > 0 ? waits / runHours : 0,
        runHours > 0 ? waitSeconds / runHours : 0,
        memberOffsets.stream().map(Stats::of).toList(),
        List.copyOf(errors),
        series);
  }

  private long lastSampleUs() {
    return sampleTimes.isEmpty() ? startUs : sampleTimes.get(sampleTimes.size() - 1);
  }

  /**
   * The first sample time in {@code [fromUs, toUs)} from which the member's offset stays within
   * the band for the hold time; -1 if none, {@link #NO_SAMPLES} if the member was never sampled
   * in that interval (the room was paused throughout).
   */
  private long convergence(int member, long fromUs, long toUs) {
    long inBandSince = -1;
    boolean sampled = false;
    for (int s = 0; s < sampleTimes.size(); s++) {
      long t = sampleTimes.get(s);
      if (t < fromUs) {
        continue;
      }
      if (t >= toUs) {
        break;
      }
      double offset = sampleOffsets.get(s)[member];
      if (Double.isNaN(offset)) {
        continue;
      }
      sampled = true;
      if (Math.abs(offset) <= CONVERGED_BAND_US) {
        if (inBandSince < 0) {
          inBandSince = t;
        }
        if (t - inBandSince >= CONVERGED_HOLD_US) {
          return inBandSince;
        }
      } else {
        inBandSince = -1;
      }
    }
    return sampled ? -1 : NO_SAMPLES;
  }

  private static void writeLine(Appendable trace, CharSequence line) {
    try {
      trace.append(line).append('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace", e);
    }
  }

  private static double spread(double[] offsets) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int count = 0;
    for (double offset : offsets) {
      if (!Double.isNaN(offset)) {
        min = Math.min(min, offset);
        max = Math.max(max, offset);
        count++;
      }
    }
    return count >= 2 ? max - min : Double.NaN;
  }
}
