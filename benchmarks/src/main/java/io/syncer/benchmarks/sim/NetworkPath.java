package io.syncer.benchmarks.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One participant's path to the server under a {@link Scenario}: per-direction propagation
 * delays, exponential queueing jitter, and the stall windows of delay spikes, all drawn from the
 * participant's own random stream so every policy run sees the same path.
 *
 * <p>Thread-safety: not thread-safe; used from the simulation thread.
 */
final class NetworkPath {

  private final long upBaseUs;
  private final long downBaseUs;
  private final double jitterMeanUs;
  private final long spikeUs;
  private final long[] spikeStartsUs;
  private final SplittableRandom jitter;

  /**
   * @param startUs true time the path starts carrying traffic
   * @param endUs true time after which no spike needs to be drawn
   */
  NetworkPath(Scenario scenario, SplittableRandom random, long startUs, long endUs) {
    long half = scenario.rttUs() / 2;
    // Drawn even when the scenario fixes the direction, so that wan and wan-mixed consume the
    // same random numbers and a seed gives both the same jitter and spikes.
    boolean uplinkLonger = random.nextBoolean() || scenario.uplinkAlwaysLonger();
    long skew = uplinkLonger ? scenario.asymmetryUs() / 2 : -scenario.asymmetryUs() / 2;
    this.upBaseUs = half + skew;
    this.downBaseUs = scenario.rttUs() - half - skew;
    this.jitterMeanUs = scenario.jitterUs();
    this.spikeUs = scenario.spikeUs();
    List<Long> spikes = new ArrayList<>();
    if (scenario.spikesPerMinute() > 0 && spikeUs > 0) {
      double meanGapUs = 60_000_000 / scenario.spikesPerMinute();
      for (double t = startUs + exponential(random, meanGapUs); t < endUs;
          t += spikeUs + exponential(random, meanGapUs)) {
        spikes.add((long) t);
      }
    }
    this.spikeStartsUs = spikes.stream().mapToLong(Long::longValue).toArray();
    this.jitter = random.split();
  }

  /** One-way delay of a message the client sends at true time {@code sentUs}. */
  long upDelayUs(long sentUs) {
    return stallUs(sentUs) + upBaseUs + queueingUs();
  }

  /** One-way delay of a message the server sends at true time {@code sentUs}. */
  long downDelayUs(long sentUs) {
    return stallUs(sentUs) + downBaseUs + queueingUs();
  }

  /** The spikes' start times (true µs), for plots and reports. */
  long[] spikeStartsUs() {
    return spikeStartsUs.clone();
  }

  private long queueingUs() {
    return jitterMeanUs > 0 ? Math.round(exponential(jitter, jitterMeanUs)) : 0;
  }

  /** How long a message sent at {@code sentUs} waits for a stall in progress to end. */
  private long stallUs(long sentUs) {
    int i = Arrays.binarySearch(spikeStartsUs, sentUs);
    int latestStart = i >= 0 ? i : -i - 2;
    if (latestStart < 0) {
      return 0;
    }
    long endUs = spikeStartsUs[latestStart] + spikeUs;
    return sentUs < endUs ? endUs - sentUs : 0;
  }

  private static double exponential(SplittableRandom random, double meanUs) {
    return -meanUs * Math.log(1 - random.nextDouble());
  }
}
