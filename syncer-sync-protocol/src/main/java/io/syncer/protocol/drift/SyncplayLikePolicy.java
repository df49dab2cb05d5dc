package io.syncer.protocol.drift;

import io.syncer.protocol.clock.ClockStrategy;

/**
 * A baseline that behaves like Syncplay (1.6.9 / HEAD) as recorded in the project's field notes:
 * no clock-offset estimate (each message assumed to take half the moving-average round trip), one
 * State per second, slow down to 0.95 only when more than 1.5 s ahead, never speed up, rewind when
 * more than 4 s ahead, fast-forward when more than 5 s behind for a sustained time. The
 * server-side rule that the room follows its slowest member is not part of it. For side-by-side
 * benchmarks, not for production.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class SyncplayLikePolicy implements SyncPolicy {

  /** The policy as recorded from Syncplay; it has no settings. */
  public SyncplayLikePolicy() {}

  @Override
  public String name() {
    return "syncplay";
  }

  @Override
  public ClockStrategy newClock() {
    return ClockStrategy.syncplayLike();
  }

  @Override
  public DriftController newController() {
    return new SyncplayLikeController();
  }
}
