package io.syncer.protocol.drift;

/**
 * Jellyfin SyncPlay's corrections (jellyfin-web PlaybackCore.syncPlaybackTime), evaluated at most
 * every 1.5 s on the raw difference {@code diff = target - player}: SpeedToSync when 60 ms ≤
 * |diff| < 3000 ms, playing at {@code 1 + diff / 1000 ms} for 1 s (when more than 200 ms ahead, at
 * 0.2 for {@code |diff| / 0.8} instead) and then back at 1.0; otherwise SkipToSync (seek to the
 * target, no latency compensation) when |diff| ≥ 400 ms, then no correction for 1.5 s. Either
 * method can be switched off, as Jellyfin's settings allow. "Converged" means the last evaluation
 * found the player in sync and no correction is under way.
 */
final class JellyfinLikeController implements DriftController {

  static final long SYNC_METHOD_THRESHOLD_US = 3_000_000;
  static final long MIN_DELAY_SPEED_TO_SYNC_US = 60_000;
  static final long MIN_DELAY_SKIP_TO_SYNC_US = 400_000;
  static final long SPEED_TO_SYNC_DURATION_US = 1_000_000;
  static final double MIN_SPEED = 0.2;

  private static final long NEVER = Long.MIN_VALUE;

  private final boolean speedToSync;
  private final boolean skipToSync;
  private long lastSyncAtUs = NEVER;
  private boolean syncEnabled = true;
  private long syncEnabledAgainAtUs;
  private boolean rateToRestore;
  private boolean inSync;

  JellyfinLikeController(boolean speedToSync, boolean skipToSync) {
    this.speedToSync = speedToSync;
    this.skipToSync = skipToSync;
  }

  @Override
  public DriftDecision onTick(PlayerObservation observation) {
    long nowUs = observation.localTimeUs();
    double rate = observation.timelineRate();
    Correction timerCorrection = Correction.none();
    if (!syncEnabled && nowUs >= syncEnabledAgainAtUs) {
      syncEnabled = true;
      if (rateToRestore) {
        rateToRestore = false;
        timerCorrection = new Correction.SetRate(rate);
      }
    }
    if (lastSyncAtUs == NEVER) {
      lastSyncAtUs = nowUs;
    }
    if (nowUs - lastSyncAtUs < SYNC_METHOD_THRESHOLD_US / 2) {
      return decision(timerCorrection, observation);
    }
    lastSyncAtUs = nowUs;
    if (!syncEnabled) {
      return decision(timerCorrection, observation);
    }
    long diffUs = -observation.offsetUs();
    long absDiffUs = Math.abs(diffUs);
    Correction correction = timerCorrection;
    inSync = false;
    if (speedToSync
        && absDiffUs >= MIN_DELAY_SPEED_TO_SYNC_US
        && absDiffUs < SYNC_METHOD_THRESHOLD_US) {
      double durationUs = SPEED_TO_SYNC_DURATION_US;
      if (diffUs <= -durationUs * MIN_SPEED) {
        durationUs = absDiffUs / (1 - MIN_SPEED);
      }
      double speed = 1 + diffUs / durationUs;
      correction = new Correction.SetRate(rate * speed);
      syncEnabled = false;
      syncEnabledAgainAtUs = nowUs + Math.round(durationUs);
      rateToRestore = true;
    } else if (skipToSync && absDiffUs >= MIN_DELAY_SKIP_TO_SYNC_US) {
      correction = new Correction.SeekTo(Math.max(0, observation.targetPositionUs()));
      syncEnabled = false;
      syncEnabledAgainAtUs = nowUs + SYNC_METHOD_THRESHOLD_US / 2;
    } else {
      inSync = true;
    }
    return decision(correction, observation);
  }

  @Override
  public void reset() {
    lastSyncAtUs = NEVER;
    inSync = false;
  }

  private DriftDecision decision(Correction correction, PlayerObservation observation) {
    return new DriftDecision(
        correction,
        observation.offsetUs(),
        SyncerDriftController.UNFILTERED_READING_ERROR_US + observation.clockErrorUs(),
        inSync && syncEnabled);
  }
}
