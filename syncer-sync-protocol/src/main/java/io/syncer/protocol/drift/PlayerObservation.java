package io.syncer.protocol.drift;

/**
 * One look at the player while the room is playing: where it is, where it should be, and what the
 * controller needs to judge the difference.
 *
 * <p>The target comes from the room's timeline at the estimated server time: {@code
 * timeline.positionAt(clockEstimate.toServerTime(localTimeUs))}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param localTimeUs local monotonic time of the observation, µs
 * @param targetPositionUs where the timeline says the media should be, µs
 * @param observedPositionUs where the player says it is, µs
 * @param timelineRate the timeline's rate ({@code > 0}: feed observations only while playing)
 * @param playerRate the rate the player is playing at right now ({@code > 0}), corrections
 *     included; after a rate change, the player's actual rate once it has taken effect
 * @param seekLatencyUs the player's measured seek latency, µs ({@code 0} when unknown)
 * @param clockErrorUs error bound of the clock estimate used for the target, µs
 * @param positionStepUs how far apart the positions the player reports are: the frame duration
 *     for a player that reports the frame on screen, µs ({@code 0} when unknown or continuous)
 */
public record PlayerObservation(
    long localTimeUs,
    long targetPositionUs,
    long observedPositionUs,
    double timelineRate,
    double playerRate,
    long seekLatencyUs,
    long clockErrorUs,
    long positionStepUs) {

  public PlayerObservation {
    if (!(timelineRate > 0 && Double.isFinite(timelineRate))) {
      throw new IllegalArgumentException("timelineRate must be positive: " + timelineRate);
    }
    if (!(playerRate > 0 && Double.isFinite(playerRate))) {
      throw new IllegalArgumentException("playerRate must be positive: " + playerRate);
    }
    if (seekLatencyUs < 0) {
      throw new IllegalArgumentException("seekLatencyUs must not be negative: " + seekLatencyUs);
    }
    if (clockErrorUs < 0) {
      throw new IllegalArgumentException("clockErrorUs must not be negative: " + clockErrorUs);
    }
    if (positionStepUs < 0) {
      throw new IllegalArgumentException("positionStepUs must not be negative: " + positionStepUs);
    }
  }

  /** Player minus target: positive when the player is ahead, µs. */
  public long offsetUs() {
    return observedPositionUs - targetPositionUs;
  }
}
