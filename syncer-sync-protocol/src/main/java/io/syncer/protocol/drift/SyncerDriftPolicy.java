package io.syncer.protocol.drift;

import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.clock.ClockSync;
import io.syncer.protocol.clock.ClockSyncConfig;
import java.util.Objects;

/**
 * Syncer's sync policy: {@link ClockSync} for time, and a drift controller that filters position
 * noise and network jitter, cancels clock drift with a steady rate trim, corrects offsets beyond
 * a deadband with small bounded rate changes (±5 % by default), and seeks only before it has
 * converged. Specified in {@code docs/protocol/clock-sync-and-drift.md}.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class SyncerDriftPolicy implements SyncPolicy {

  private final ClockSyncConfig clockConfig;
  private final SyncerDriftConfig driftConfig;

  public SyncerDriftPolicy(ClockSyncConfig clockConfig, SyncerDriftConfig driftConfig) {
    this.clockConfig = Objects.requireNonNull(clockConfig, "clockConfig");
    this.driftConfig = Objects.requireNonNull(driftConfig, "driftConfig");
  }

  /** The policy with {@link ClockSyncConfig#defaults()} and {@link SyncerDriftConfig#defaults()}. */
  public static SyncerDriftPolicy defaults() {
    return new SyncerDriftPolicy(ClockSyncConfig.defaults(), SyncerDriftConfig.defaults());
  }

  @Override
  public String name() {
    return "syncer";
  }

  @Override
  public ClockStrategy newClock() {
    return new ClockSync(clockConfig);
  }

  @Override
  public DriftController newController() {
    return new SyncerDriftController(driftConfig);
  }
}
