package io.syncer.protocol.drift;

import java.util.Objects;

/**
 * A {@link DriftController}'s answer to one observation: the correction to apply and what it
 * believes about the player's offset, for the {@code status} message ({@code offsetUs}, {@code
 * clockErrorUs}) and for display.
 *
 * <p>Thread-safety: immutable.
 *
 * @param correction what to do to the player now
 * @param offsetUs the controller's estimate of player minus timeline (positive: ahead), µs
 * @param offsetErrorUs how far off {@code offsetUs} may be, clock error included, µs
 * @param converged whether the player is in sync and the controller has settled
 */
public record DriftDecision(
    Correction correction, long offsetUs, long offsetErrorUs, boolean converged) {

  public DriftDecision {
    Objects.requireNonNull(correction, "correction");
    if (offsetErrorUs < 0) {
      throw new IllegalArgumentException("offsetErrorUs must not be negative: " + offsetErrorUs);
    }
  }
}
