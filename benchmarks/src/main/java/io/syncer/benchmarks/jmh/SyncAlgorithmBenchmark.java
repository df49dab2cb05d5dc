package io.syncer.benchmarks.jmh;

import io.syncer.protocol.clock.ClockEstimate;
import io.syncer.protocol.clock.ClockSample;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.clock.ClockSyncConfig;
import io.syncer.protocol.drift.Correction;
import io.syncer.protocol.drift.DriftController;
import io.syncer.protocol.drift.DriftDecision;
import io.syncer.protocol.drift.PlayerObservation;
import io.syncer.protocol.drift.SyncerDriftPolicy;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-step cost of Syncer's sync algorithms in steady state, on a participant's thread: one clock
 * exchange (take the sample, then estimate) of {@code ClockSync} with a full window, and one tick
 * of the drift controller (about ten a second per player) with its filters full, on a player that
 * follows its corrections.
 *
 * <p>Inputs are a skewed clock behind a jittery path and a frame-stepped player, pre-generated so
 * the benchmark measures the algorithms, not the random generator.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyncAlgorithmBenchmark {

  private static final int INPUTS = 4096;
  private static final double SKEW = 1 + 120e-6;
  private static final long FRAME_US = 41_708;

  /** A clock strategy that has already taken a full window of samples. */
  @State(Scope.Thread)
  public static class Clock {
    ClockStrategy clock;
    long[][] exchanges;
    int next;
    long shiftUs;

    @Setup(Level.Iteration)
    public void fill() {
      clock = SyncerDriftPolicy.defaults().newClock();
      SplittableRandom random = new SplittableRandom(7);
      exchanges = new long[INPUTS][];
      long localUs = 1_000_000_000L;
      for (int i = 0; i < INPUTS; i++) {
        localUs += 2_000_000;
        long upUs = 40_000 + (long) (-20_000 * Math.log(1 - random.nextDouble()));
        long downUs = 40_000 + (long) (-20_000 * Math.log(1 - random.nextDouble()));
        long t1 = 5_000_000_000L + Math.round((localUs + upUs) / SKEW);
        exchanges[i] = new long[] {localUs, t1, t1 + 50, localUs + upUs + downUs};
      }
      shiftUs = 0;
      next = 0;
      for (int i = 0; i < ClockSyncConfig.defaults().windowSamples(); i++) {
        exchange();
      }
    }

    Optional<ClockEstimate> exchange() {
      if (next == INPUTS) {
        next = 0;
        // Wrap around later in time, so samples keep moving forward.
        shiftUs += exchanges[INPUTS - 1][3] - exchanges[0][0] + 2_000_000;
      }
      long[] e = exchanges[next++];
      long t0 = e[0] + shiftUs;
      long serverShift = Math.round(shiftUs / SKEW);
      clock.requestSent(t0);
      clock.addSample(new ClockSample(t0, e[1] + serverShift, e[2] + serverShift, e[3] + shiftUs));
      return clock.estimate(e[3] + shiftUs);
    }
  }

  /** A drift controller that has been ticked for minutes on a drifting, frame-stepped player. */
  @State(Scope.Thread)
  public static class Controller {
    DriftController controller;
    long[] jitterUs;
    int next;
    long localUs;
    double positionUs;
    double rate;

    @Setup(Level.Iteration)
    public void warm() {
      controller = SyncerDriftPolicy.defaults().newController();
      SplittableRandom random = new SplittableRandom(11);
      jitterUs = new long[INPUTS];
      for (int i = 0; i < INPUTS; i++) {
        jitterUs[i] = random.nextLong(-20_000, 20_001);
      }
      localUs = 1_000_000_000L;
      positionUs = 600_000_000;
      rate = 1.0;
      next = 0;
      for (int i = 0; i < 3_000; i++) {
        tick();
      }
    }

    DriftDecision tick() {
      long stepUs = 100_000 + jitterUs[next];
      next = (next + 1) & (INPUTS - 1);
      localUs += stepUs;
      positionUs += stepUs * rate * SKEW;
      long target = 600_000_000 + (localUs - 1_000_000_000L);
      long reported = Math.floorDiv((long) positionUs, FRAME_US) * FRAME_US;
      DriftDecision decision =
          controller.onTick(
              new PlayerObservation(
                  localUs, target, reported, 1.0, rate, 300_000, 2_000, FRAME_US));
      // The player obeys at once, so the controller stays in its steady state.
      if (decision.correction() instanceof Correction.SetRate setRate) {
        rate = setRate.rate();
      } else if (decision.correction() instanceof Correction.SeekTo seekTo) {
        positionUs = seekTo.positionUs();
      }
      return decision;
    }
  }

  @Benchmark
  public Optional<ClockEstimate> clockSyncSampleAndEstimate(Clock state) {
    return state.exchange();
  }

  @Benchmark
  public DriftDecision driftControllerTick(Controller state) {
    return state.tick();
  }
}
