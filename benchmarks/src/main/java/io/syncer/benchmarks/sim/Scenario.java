package io.syncer.benchmarks.sim;

import java.util.Locale;

/**
 * A network condition every participant of a simulated room goes through.
 *
 * <p>Each participant's path to the server has a fixed propagation delay of {@code rttUs / 2}
 * per direction, made unequal by {@code asymmetryUs} (one direction longer by that much; which
 * one is drawn per participant, so members' clock estimates err in different directions, unless
 * {@code uplinkAlwaysLonger}); every
 * message waits a further random queueing delay, exponentially distributed with mean {@code
 * jitterUs} (for independent exponential delays the RFC 3550 inter-arrival jitter is that mean);
 * and {@code spikesPerMinute} times a minute on average (a Poisson process per participant) the
 * path stalls for {@code spikeUs}: what is sent during the stall arrives after it ends. Messages
 * keep their order, as on a TCP connection.
 *
 * <p>Thread-safety: immutable.
 */
public record Scenario(
    String name, long rttUs, long jitterUs, long asymmetryUs, boolean uplinkAlwaysLonger,
    long spikeUs, double spikesPerMinute) {

  /** RTT 1 ms, jitter 0.2 ms. */
  public static final Scenario LAN = new Scenario("lan", 1_000, 200, 0, false, 0, 0);

  /**
   * RTT 80 ms, jitter 20 ms, 10 ms one-way asymmetry with every participant's uplink the longer
   * direction, as on consumer lines, whose upload is the slower one: the asymmetry shifts every
   * clock estimate alike.
   */
  public static final Scenario WAN = new Scenario("wan", 80_000, 20_000, 10_000, true, 0, 0);

  /**
   * {@link #WAN} with the longer direction drawn per participant: members' clock estimates err
   * by half the asymmetry in opposite directions, which no round-trip clock sync can see (any
   * offset can be traded for one-way delays without changing a timestamp). Draws the same random
   * numbers as {@code wan}, so a seed gives the same jitter in both.
   */
  public static final Scenario WAN_MIXED =
      new Scenario("wan-mixed", 80_000, 20_000, 10_000, false, 0, 0);

  /** RTT 150 ms, jitter 60 ms, 500 ms delay spikes twice a minute. */
  public static final Scenario MOBILE = new Scenario("mobile", 150_000, 60_000, 0, false, 500_000, 2);

  public Scenario {
    if (rttUs < 0 || jitterUs < 0 || asymmetryUs < 0 || asymmetryUs > rttUs || spikeUs < 0
        || spikesPerMinute < 0) {
      throw new IllegalArgumentException("impossible network scenario " + name);
    }
  }

  /**
   * The predefined scenario called {@code name} ({@code lan}, {@code wan}, {@code wan-mixed},
   * {@code mobile}).
   */
  public static Scenario named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lan" -> LAN;
      case "wan" -> WAN;
      case "wan-mixed" -> WAN_MIXED;
      case "mobile" -> MOBILE;
      default -> throw new IllegalArgumentException(
          "unknown scenario '" + name + "': use lan, wan, wan-mixed or mobile");
    };
  }
}
