package io.syncer.protocol.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * Syncer's drift controller: a robust trend filter on the offset, a steady rate trim that cancels
 * clock drift, and rate-correction episodes with a deadband and hysteresis; seeks only before
 * convergence. Specified in {@code docs/protocol/clock-sync-and-drift.md}.
 *
 * <p>The filter fits the offset minus the effect of the player's own rate changes, so it sees
 * the natural drift as a straight line whatever corrections are under way, and corrections do
 * not make it lag.
 */
final class SyncerDriftController implements DriftController {

  private enum Mode {
    ACQUIRING,
    HOLDING,
    CORRECTING,
    SEEKING
  }

  /** Error of a single unfiltered reading: a frame (42 ms at 24 fps) plus tick timing. */
  static final long UNFILTERED_READING_ERROR_US = 50_000;

  /** Time to hold still within the deadband before declaring convergence. */
  static final long CONVERGENCE_HOLD_US = 5_000_000;

  /** The drift is fitted on means of the filtered series over bins this long. */
  static final long DRIFT_BIN_US = 1_000_000;

  /** How much history the drift fit uses. */
  static final long DRIFT_WINDOW_US = 300_000_000;

  /** The trim is estimated only from a drift fit spanning at least this. */
  static final long TRIM_MIN_SPAN_US = 10_000_000;

  /** Minimum time between trim changes. */
  static final long TRIM_UPDATE_INTERVAL_US = 20_000_000;

  /** A trim change smaller than this is not made. */
  static final double TRIM_HYSTERESIS_PPM = 15;

  /**
   * The trim also steers the offset towards zero with this time constant, so that offsets inside
   * the deadband do not persist; imperceptibly, at most {@link #MAX_CENTERING_PPM}.
   */
  static final long CENTERING_TIME_US = 30_000_000;

  /** Largest part of the trim that steers the offset, ppm. */
  static final double MAX_CENTERING_PPM = 200;

  /** Convergence needs the drift known to within this standard error, ppm. */
  static final double CONVERGENCE_MAX_DRIFT_ERROR_PPM = 10;

  /** Time a completed seek needs before readings are trusted again, on top of its latency. */
  static final long SEEK_SETTLE_US = 300_000;

  /**
   * A correction starts only for an offset at least this many standard errors of the filtered
   * value: the filter is asked ten times a second, so a weaker test would act on its noise (right
   * after a seek, when few readings of a frame-stepped player are in, that noise is several ms).
   */
  static final double CORRECTION_SIGNIFICANCE = 3;

  /**
   * Readings of a frame-stepped player kept for its stepped offset: enough for every phase of the
   * step to show up, short enough that an error of a few ppm in the drift moves the range little.
   */
  static final long STEPPED_WINDOW_US = 20_000_000;

  /** A drift fit this long replaces the slope known from before, even if that one was steadier. */
  static final long MATURE_DRIFT_SPAN_US = 60_000_000;

  /** Rate-change lag assumed until one has been measured. */
  static final long INITIAL_RATE_LAG_US = 200_000;

  /** Rates closer than this are the same rate. */
  static final double SAME_RATE = 1e-9;

  private static final long NEVER = Long.MIN_VALUE;

  private final SyncerDriftConfig config;
  private final OffsetTrend trend;
  private final OffsetTrend driftTrend = new OffsetTrend(DRIFT_WINDOW_US);
  private final SteppedOffset stepped = new SteppedOffset(STEPPED_WINDOW_US);
  /**
   * The natural drift's slope as last measured well, kept across restarts: a seek moves the
   * player, not its clock, so the readings after it drift as before.
   */
  private double knownSlope;
  private double knownSlopeError = Double.POSITIVE_INFINITY;
  private int stepsSeen;
  private long binStartUs = NEVER;
  private double binSumUs;
  private int binCount;

  private Mode mode = Mode.ACQUIRING;
  private boolean converged;
  private long holdingSinceUs = NEVER;
  private long divergingSinceUs = NEVER;

  private boolean hasPrevious;
  private long previousTimeUs;
  private double previousRateExcess;
  private double rateEffectUs;

  private double driftPpm;
  private double trimPpm;
  private long trimUpdatedAtUs = NEVER;
  private double driftErrorPpm = Double.POSITIVE_INFINITY;

  private int direction;
  private double nudge;
  private long seekSettlesAtUs;

  private double commandedRate = Double.NaN;
  private long commandedAtUs;
  private boolean awaitingRate;
  private double rateLagUs = INITIAL_RATE_LAG_US;

  SyncerDriftController(SyncerDriftConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.trend = new OffsetTrend(config.filterWindowUs());
  }

  @Override
  public DriftDecision onTick(PlayerObservation observation) {
    Objects.requireNonNull(observation, "observation");
    long nowUs = observation.localTimeUs();
    if (hasPrevious && nowUs < previousTimeUs) {
      throw new IllegalArgumentException("observations must not go back in time");
    }
    measureRateLag(observation);
    if (mode == Mode.SEEKING) {
      if (nowUs < seekSettlesAtUs) {
        return unfiltered(observation);
      }
      restartFilter();
    }
    if (hasPrevious) {
      double rateExcess = observation.playerRate() - observation.timelineRate();
      rateEffectUs += (previousRateExcess + rateExcess) / 2 * (nowUs - previousTimeUs);
    }
    hasPrevious = true;
    previousTimeUs = nowUs;
    previousRateExcess = observation.playerRate() - observation.timelineRate();
    double naturalOffsetUs = observation.offsetUs() - rateEffectUs;
    trend.add(nowUs, naturalOffsetUs);
    stepped.add(nowUs, naturalOffsetUs);
    Optional<OffsetTrend.Line> fitted = trend.fit(nowUs);
    if (trend.steps() != stepsSeen) {
      stepsSeen = trend.steps();
      restartDriftTrend();
      stepped.clear();
    }
    addToDriftBin(nowUs, naturalOffsetUs);
    if (fitted.isEmpty()) {
      return unfiltered(observation);
    }
    Optional<OffsetTrend.Line> drift =
        driftTrend.fit(nowUs).filter(d -> d.spanUs() >= TRIM_MIN_SPAN_US);
    // Both fit the same series; the longer one is steadier once it has enough history.
    OffsetTrend.Line line =
        drift.filter(d -> d.valueErrorUs() < fitted.get().valueErrorUs()).orElse(fitted.get());
    double valueUs = line.valueUs();
    double valueErrorUs = line.valueErrorUs();
    OffsetTrend.Line slopeSource = learnSlope(drift, fitted.get());
    Optional<SteppedOffset.Estimate> framed =
        stepped.estimate(
            nowUs, observation.positionStepUs(), slopeSource.slope(), slopeSource.slopeError());
    if (framed.isPresent() && framed.get().errorUs() < valueErrorUs) {
      // Kept in the line fits' terms: they average readings, half a step below the media.
      valueUs = framed.get().valueUs() - observation.positionStepUs() / 2.0;
      valueErrorUs = framed.get().errorUs();
    }
    double offsetUs = valueUs + rateEffectUs;
    updateTrim(drift, offsetUs, observation);
    Correction correction = control(offsetUs, valueErrorUs, observation);
    long errorUs = (long) Math.ceil(3 * valueErrorUs) + observation.clockErrorUs();
    return new DriftDecision(correction, Math.round(offsetUs), errorUs, converged);
  }

  @Override
  public void reset() {
    restartFilter();
    converged = false;
    divergingSinceUs = NEVER;
    commandedRate = Double.NaN;
    awaitingRate = false;
  }

  /**
   * The best-known slope of the natural offset: the drift fit's once it is better than what was
   * known before (a restart clears it, not the drift), else the fast fit's if that is better.
   */
  private OffsetTrend.Line learnSlope(
      Optional<OffsetTrend.Line> drift, OffsetTrend.Line fitted) {
    if (drift.isPresent()
        && (drift.get().slopeError() <= knownSlopeError
            || drift.get().spanUs() >= MATURE_DRIFT_SPAN_US)) {
      knownSlope = drift.get().slope();
      knownSlopeError = drift.get().slopeError();
    }
    if (fitted.slopeError() < knownSlopeError) {
      return fitted;
    }
    return new OffsetTrend.Line(0, knownSlope, 0, knownSlopeError, 0);
  }

  private void restartFilter() {
    mode = Mode.ACQUIRING;
    trend.clear();
    stepped.clear();
    restartDriftTrend();
    hasPrevious = false;
    rateEffectUs = 0;
    direction = 0;
    holdingSinceUs = NEVER;
  }

  private void restartDriftTrend() {
    driftTrend.clear();
    binStartUs = NEVER;
    binSumUs = 0;
    binCount = 0;
  }

  private void addToDriftBin(long nowUs, double naturalOffsetUs) {
    if (binStartUs == NEVER) {
      binStartUs = nowUs;
    }
    binSumUs += naturalOffsetUs;
    binCount++;
    if (nowUs - binStartUs >= DRIFT_BIN_US) {
      driftTrend.add(binStartUs + (nowUs - binStartUs) / 2, binSumUs / binCount);
      binStartUs = NEVER;
      binSumUs = 0;
      binCount = 0;
    }
  }

  private DriftDecision unfiltered(PlayerObservation observation) {
    return new DriftDecision(
        Correction.none(),
        observation.offsetUs(),
        UNFILTERED_READING_ERROR_US + observation.clockErrorUs(),
        converged);
  }

  /** Time from a rate command until the player reports the new rate: an upper bound of its lag. */
  private void measureRateLag(PlayerObservation observation) {
    if (awaitingRate && Math.abs(observation.playerRate() - commandedRate) <= SAME_RATE) {
      rateLagUs = (rateLagUs + (observation.localTimeUs() - commandedAtUs)) / 2;
      awaitingRate = false;
    }
  }

  /**
   * Sets the trim to cancel the natural drift and steer the offset slowly towards zero. The drift
   * (the drift fit's slope) is taken on only when it moved by more than {@link
   * #TRIM_HYSTERESIS_PPM} and three standard errors; the trim changes only when it would move by
   * more than {@link #TRIM_HYSTERESIS_PPM}, not during a correction, and not more often than every
   * {@link #TRIM_UPDATE_INTERVAL_US}.
   */
  private void updateTrim(
      Optional<OffsetTrend.Line> drift, double offsetUs, PlayerObservation observation) {
    if (drift.isEmpty()) {
      driftErrorPpm = Double.POSITIVE_INFINITY;
      return;
    }
    double rate = observation.timelineRate();
    double measuredPpm = -drift.get().slope() / rate * 1e6;
    driftErrorPpm = drift.get().slopeError() / rate * 1e6;
    long nowUs = observation.localTimeUs();
    if (mode == Mode.CORRECTING
        || (trimUpdatedAtUs != NEVER && nowUs - trimUpdatedAtUs < TRIM_UPDATE_INTERVAL_US)) {
      return;
    }
    double centeringPpm =
        Math.max(
            -MAX_CENTERING_PPM,
            Math.min(MAX_CENTERING_PPM, -offsetUs / (CENTERING_TIME_US * rate) * 1e6));
    if (Math.abs(measuredPpm - driftPpm) > Math.max(TRIM_HYSTERESIS_PPM, 3 * driftErrorPpm)) {
      driftPpm = measuredPpm;
    }
    double wantedPpm = driftPpm + centeringPpm;
    if (Math.abs(wantedPpm - trimPpm) > TRIM_HYSTERESIS_PPM) {
      trimPpm = Math.max(-config.maxTrimPpm(), Math.min(config.maxTrimPpm(), wantedPpm));
      trimUpdatedAtUs = nowUs;
    }
  }

  private Correction control(double offsetUs, double valueErrorUs, PlayerObservation observation) {
    long nowUs = observation.localTimeUs();
    double magnitudeUs = Math.abs(offsetUs);
    if (converged && magnitudeUs > config.divergenceThresholdUs()) {
      if (divergingSinceUs == NEVER) {
        divergingSinceUs = nowUs;
      } else if (nowUs - divergingSinceUs >= config.divergenceTimeUs()) {
        converged = false;
      }
    } else {
      divergingSinceUs = NEVER;
    }
    if (!converged && magnitudeUs >= config.seekThresholdUs()) {
      return seek(observation);
    }
    if (mode == Mode.CORRECTING) {
      double remainingUs = -direction * offsetUs;
      double leadUs = nudge * observation.timelineRate() * rateLagUs;
      if (remainingUs <= config.settleToleranceUs() + leadUs) {
        mode = Mode.HOLDING;
        holdingSinceUs = nowUs;
      }
    } else if (magnitudeUs > (converged ? config.deadbandUs() : config.deadbandUs() / 2)
        && magnitudeUs > CORRECTION_SIGNIFICANCE * valueErrorUs) {
      mode = Mode.CORRECTING;
      direction = offsetUs > 0 ? -1 : 1;
      nudge =
          Math.max(
              config.minRateNudge(),
              Math.min(config.maxRateDeviation(), magnitudeUs / config.correctionTimeUs()));
    } else {
      if (mode != Mode.HOLDING) {
        mode = Mode.HOLDING;
        holdingSinceUs = nowUs;
      }
      if (nowUs - holdingSinceUs >= CONVERGENCE_HOLD_US
          && driftErrorPpm <= CONVERGENCE_MAX_DRIFT_ERROR_PPM) {
        converged = true;
      }
    }
    return rateCommand(observation);
  }

  private Correction seek(PlayerObservation observation) {
    double rate = observation.timelineRate();
    long targetUs =
        observation.targetPositionUs() + Math.round(observation.seekLatencyUs() * rate);
    mode = Mode.SEEKING;
    seekSettlesAtUs = observation.localTimeUs() + observation.seekLatencyUs() + SEEK_SETTLE_US;
    return new Correction.SeekTo(Math.max(0, targetUs));
  }

  private Correction rateCommand(PlayerObservation observation) {
    double rate = observation.timelineRate();
    double correction = mode == Mode.CORRECTING ? direction * nudge : 0;
    double desired = rate * (1 + trimPpm * 1e-6 + correction);
    double limit = rate * config.maxRateDeviation();
    desired = Math.max(rate - limit, Math.min(rate + limit, desired));
    double current = Double.isNaN(commandedRate) ? observation.playerRate() : commandedRate;
    if (Math.abs(desired - current) <= SAME_RATE) {
      return Correction.none();
    }
    commandedRate = desired;
    commandedAtUs = observation.localTimeUs();
    awaitingRate = true;
    return new Correction.SetRate(desired);
  }
}
