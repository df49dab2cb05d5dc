package io.syncer.protocol.simulation;

import java.util.SplittableRandom;

/**
 * A network path between a participant and the server: fixed one-way delays that add up to {@code
 * baseRoundTripUs} and differ by {@code asymmetryUs} (up minus down), each message delayed further
 * by a uniform random {@code [0, jitterUs]}, and lost with probability {@code lossProbability}.
 */
public record NetworkPath(
    long baseRoundTripUs, long jitterUs, long asymmetryUs, double lossProbability) {

  public NetworkPath {
    if (baseRoundTripUs < 0 || jitterUs < 0 || Math.abs(asymmetryUs) > baseRoundTripUs) {
      throw new IllegalArgumentException("impossible path " + baseRoundTripUs + "/" + jitterUs + "/" + asymmetryUs);
    }
    if (!(lossProbability >= 0 && lossProbability < 1)) {
      throw new IllegalArgumentException("lossProbability must be in [0, 1): " + lossProbability);
    }
  }

  public static NetworkPath symmetric(long baseRoundTripUs, long jitterUs) {
    return new NetworkPath(baseRoundTripUs, jitterUs, 0, 0);
  }

  public long upDelayUs(SplittableRandom random) {
    return (baseRoundTripUs + asymmetryUs) / 2 + random.nextLong(jitterUs + 1);
  }

  public long downDelayUs(SplittableRandom random) {
    return (baseRoundTripUs - asymmetryUs) / 2 + random.nextLong(jitterUs + 1);
  }

  public boolean loses(SplittableRandom random) {
    return random.nextDouble() < lossProbability;
  }
}
