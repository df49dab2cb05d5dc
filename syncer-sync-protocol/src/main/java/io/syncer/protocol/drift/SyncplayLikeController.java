package io.syncer.protocol.drift;

/**
 * Syncplay's client-side corrections (client.py, constants.py), evaluated once per State message
 * (every second): slow down to 0.95 when ahead by more than 1.5 s until less than 0.1 s ahead, never
 * speed up; rewind to the room position when ahead by more than 4 s; fast-forward to the room
 * position + 0.25 s when behind by more than 5 s after having been behind by more than 1.75 s for
 * over 3.25 s, then hold off 3 s. No seek-latency compensation, no filtering. A rewind is not
 * combined with a slowdown in the same State (one correction per tick); the slowdown resets at
 * the next State anyway. "Converged" means no correction is under way.
 */
final class SyncplayLikeController implements DriftController {

  static final long STATE_INTERVAL_US = 1_000_000;
  static final double SLOWDOWN_RATE = 0.95;
  static final long SLOWDOWN_THRESHOLD_US = 1_500_000;
  static final long SLOWDOWN_RESET_THRESHOLD_US = 100_000;
  static final long REWIND_THRESHOLD_US = 4_000_000;
  static final long FASTFORWARD_BEHIND_THRESHOLD_US = 1_750_000;
  static final long FASTFORWARD_THRESHOLD_US = 5_000_000;
  static final long FASTFORWARD_EXTRA_TIME_US = 250_000;
  static final long FASTFORWARD_RESET_THRESHOLD_US = 3_000_000;

  private static final long NEVER = Long.MIN_VALUE;

  private long lastStateAtUs = NEVER;
  private boolean slowedDown;
  private long behindFirstDetectedAtUs = NEVER;

  @Override
  public DriftDecision onTick(PlayerObservation observation) {
    long nowUs = observation.localTimeUs();
    long aheadUs = observation.offsetUs();
    if (lastStateAtUs != NEVER && nowUs - lastStateAtUs < STATE_INTERVAL_US) {
      return decision(Correction.none(), observation);
    }
    lastStateAtUs = nowUs;
    long targetUs = observation.targetPositionUs();
    Correction correction = Correction.none();
    if (aheadUs > REWIND_THRESHOLD_US) {
      correction = new Correction.SeekTo(Math.max(0, targetUs));
    }
    if (aheadUs < -FASTFORWARD_BEHIND_THRESHOLD_US) {
      if (behindFirstDetectedAtUs == NEVER) {
        behindFirstDetectedAtUs = nowUs;
      } else if (nowUs - behindFirstDetectedAtUs
              > FASTFORWARD_THRESHOLD_US - FASTFORWARD_BEHIND_THRESHOLD_US
          && aheadUs < -FASTFORWARD_THRESHOLD_US) {
        correction = new Correction.SeekTo(Math.max(0, targetUs + FASTFORWARD_EXTRA_TIME_US));
        behindFirstDetectedAtUs = nowUs + FASTFORWARD_RESET_THRESHOLD_US;
      }
    } else {
      behindFirstDetectedAtUs = NEVER;
    }
    if (correction instanceof Correction.None) {
      double rate = observation.timelineRate();
      if (aheadUs > SLOWDOWN_THRESHOLD_US && !slowedDown) {
        correction = new Correction.SetRate(rate * SLOWDOWN_RATE);
        slowedDown = true;
      } else if (slowedDown && aheadUs < SLOWDOWN_RESET_THRESHOLD_US) {
        correction = new Correction.SetRate(rate);
        slowedDown = false;
      }
    }
    return decision(correction, observation);
  }

  @Override
  public void reset() {
    lastStateAtUs = NEVER;
    behindFirstDetectedAtUs = NEVER;
  }

  private DriftDecision decision(Correction correction, PlayerObservation observation) {
    boolean settled =
        !slowedDown
            && behindFirstDetectedAtUs == NEVER
            && !(correction instanceof Correction.SeekTo);
    return new DriftDecision(
        correction,
        observation.offsetUs(),
        SyncerDriftController.UNFILTERED_READING_ERROR_US + observation.clockErrorUs(),
        settled);
  }
}
