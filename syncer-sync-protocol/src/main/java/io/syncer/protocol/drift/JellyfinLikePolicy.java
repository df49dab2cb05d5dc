package io.syncer.protocol.drift;

import io.syncer.protocol.clock.ClockStrategy;

/**
 * A baseline that behaves like Jellyfin SyncPlay as recorded in the project's field notes: NTP
 * offset from the lowest-delay of the last 8 samples, pings every second for the first 3 then
 * every 60 s, SpeedToSync and SkipToSync corrections at most every 1.5 s. Jellyfin ships with
 * correction switched off since 2023; {@code new JellyfinLikePolicy(false, false)} reproduces
 * that. For side-by-side benchmarks, not for production.
 *
 * <p>Thread-safety: immutable; safe to share.
 */
public final class JellyfinLikePolicy implements SyncPolicy {

  private final boolean speedToSync;
  private final boolean skipToSync;

  /**
   * @param speedToSync whether to correct with playback speed (Jellyfin's "SpeedToSync")
   * @param skipToSync whether to correct by seeking (Jellyfin's "SkipToSync")
   */
  public JellyfinLikePolicy(boolean speedToSync, boolean skipToSync) {
    this.speedToSync = speedToSync;
    this.skipToSync = skipToSync;
  }

  /** Both correction methods on, as with Jellyfin's sync correction enabled. */
  public static JellyfinLikePolicy withCorrection() {
    return new JellyfinLikePolicy(true, true);
  }

  /** {@code jellyfin}, or with a suffix naming what is switched off. */
  @Override
  public String name() {
    if (speedToSync && skipToSync) {
      return "jellyfin";
    }
    if (!speedToSync && !skipToSync) {
      return "jellyfin-no-correction";
    }
    return speedToSync ? "jellyfin-speed-only" : "jellyfin-skip-only";
  }

  @Override
  public ClockStrategy newClock() {
    return ClockStrategy.jellyfinLike();
  }

  @Override
  public DriftController newController() {
    return new JellyfinLikeController(speedToSync, skipToSync);
  }
}
