package io.syncer.protocol.clock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Syncer's clock estimator: NTP-style samples over a sliding window, a least-squares skew fitted
 * on the minimum-delay-filtered samples, and an error bound that holds for any split of the delay
 * between the two directions.
 *
 * <p>Every sample confines the true offset at its midpoint to {@code offset ± (delay / 2 + skew
 * allowance)}. The estimate at a local time is the centre of the intersection of those intervals,
 * each carried forward along the fitted skew and widened by the skew's uncertainty (and, as a
 * fallback that needs no fit, along zero skew widened by the largest skew allowed); the error
 * bound is the half-width of the intersection. So the estimate combines the fastest request path
 * and the fastest response path seen, and the bound contains the truth whatever the asymmetry.
 * The exact algorithm, with its constants, is specified in {@code
 * docs/protocol/clock-sync-and-drift.md}.
 *
 * <p>Thread-safety: not thread-safe; one owner (the participant session's thread) calls it.
 */
public final class ClockSync implements ClockStrategy {

  /**
   * Multiple of the skew's standard error allowed for when carrying samples forward, by the fit's
   * degrees of freedom (samples − 2): Student's t at 99.99 % two-sided, since with few samples the
   * residual variance is itself a rough guess; 4 (normal 3.9, rounded up) from 60 on.
   */
  private static final double[] SKEW_CONFIDENCE_T = {
    Double.NaN, 6366, 99.99, 28.0, 15.5, 11.2, 9.08, 7.89, 7.12, 6.59, 6.21,
    5.92, 5.69, 5.51, 5.36, 5.24, 5.13, 5.04, 4.97, 4.90, 4.85
  };

  /**
   * A request unanswered for this long (or four median delays, if longer) ends the extra requests
   * of a jittery path.
   */
  static final long UNANSWERED_FLOOR_US = 1_000_000;

  /** Added to the skew uncertainty for oscillator wander and rounding, ppm. */
  static final double SKEW_UNCERTAINTY_FLOOR_PPM = 1;

  private final ClockSyncConfig config;
  private final RequestSchedule schedule;
  private final OutstandingRequests outstanding = new OutstandingRequests();
  private final ArrayDeque<ClockSample> window = new ArrayDeque<>();
  private Model model;

  public ClockSync(ClockSyncConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.schedule =
        new RequestSchedule(
            config.burstRequests(),
            config.burstIntervalUs(),
            config.periodicIntervalUs(),
            config.jitteryBurstRequests(),
            config.jitteryPeriodicIntervalUs());
  }

  @Override
  public long nextRequestAtUs() {
    return schedule.nextAtUs();
  }

  @Override
  public void requestSent(long t0Us) {
    schedule.sent(t0Us, jittery(t0Us));
    outstanding.sent(t0Us);
  }

  @Override
  public SampleOutcome addSample(ClockSample sample) {
    Objects.requireNonNull(sample, "sample");
    if (!outstanding.answer(sample.t0Us())) {
      return SampleOutcome.UNSOLICITED;
    }
    if (!sample.isPlausible(config.maxRoundTripUs())) {
      return SampleOutcome.INVALID;
    }
    boolean step = contradictsWindow(sample);
    if (step) {
      window.clear();
      schedule.restartBurst(sample.t3Us());
    }
    window.addLast(sample);
    if (window.size() > config.windowSamples()) {
      window.removeFirst();
    }
    model = null;
    if (step) {
      return SampleOutcome.CLOCK_STEP;
    }
    return model().filtered.contains(sample) ? SampleOutcome.ACCEPTED : SampleOutcome.HIGH_DELAY;
  }

  @Override
  public Optional<ClockEstimate> estimate(long localNowUs) {
    if (window.isEmpty()) {
      return Optional.empty();
    }
    Model m = model();
    double maxSkew = config.maxSkewPpm();
    Interval prior = intersectAt(window, m.newest, localNowUs, 0, maxSkew, maxSkew);
    Interval fitted =
        intersectAt(window, m.newest, localNowUs, m.skewPpm, m.skewUncertaintyPpm, maxSkew);
    Interval best = prior.intersect(fitted);
    if (best.isEmpty()) {
      best = prior;
    }
    if (best.isEmpty()) {
      // Only reachable when the clocks break the maxSkewPpm assumption between samples: fall
      // back to what the newest sample alone says.
      best = intersectAt(List.of(window.peekLast()), m.newest, localNowUs, 0, maxSkew, maxSkew);
    }
    double centreUs = m.newest.offsetUs() + best.centre();
    long offsetUs = Math.round(centreUs);
    long boundUs = (long) Math.ceil(best.halfWidth() + Math.abs(offsetUs - centreUs));
    return Optional.of(
        new ClockEstimate(
            localNowUs,
            offsetUs,
            m.skewPpm,
            boundUs,
            window.size(),
            converged(localNowUs)));
  }

  /**
   * Whether the window holds enough samples for the estimate to be used for playback: on a
   * jittery path many more, since there the estimate's error shrinks only as the fastest request
   * and response among the samples get closer to the base delay. Not while the server leaves
   * requests unanswered (see {@link #jittery}): the extra samples would not come.
   */
  private boolean converged(long nowUs) {
    int samples = window.size();
    return samples >= config.convergedSamples()
        && (samples >= config.jitteryConvergedSamples() || !jittery(nowUs));
  }

  /**
   * Whether the path is jittery, so that more requests pay off: the window's median delay exceeds
   * its minimum by more than the threshold, once the window holds enough samples to tell. Not while
   * a request sent at least {@link #UNANSWERED_FLOOR_US} (and four median delays) before {@code
   * nowUs} is unanswered: a server under load may leave requests beyond the quiet schedule
   * unanswered, and its load makes every path look jittery, so asking more often then would add to
   * the very load that slowed it down.
   */
  private boolean jittery(long nowUs) {
    if (window.size() < config.convergedSamples()) {
      return false;
    }
    Model m = model();
    if (m.medianDelayUs - m.minDelayUs <= config.jitterThresholdUs()) {
      return false;
    }
    long unansweredLimitUs = Math.max(UNANSWERED_FLOOR_US, 4 * m.medianDelayUs);
    OptionalLong oldest = outstanding.oldest();
    return oldest.isEmpty() || nowUs - oldest.getAsLong() < unansweredLimitUs;
  }

  /**
   * Whether {@code sample} is incompatible with every earlier sample under the widest skew
   * allowed: then a clock jumped and the earlier samples describe a relation that no longer holds.
   */
  private boolean contradictsWindow(ClockSample sample) {
    if (window.isEmpty()) {
      return false;
    }
    double maxSkew = config.maxSkewPpm();
    ClockSample reference = window.peekLast();
    double atUs = sample.localMidpointUs();
    Interval earlier = intersectAt(window, reference, atUs, 0, maxSkew, maxSkew);
    Interval own = intersectAt(List.of(sample), reference, atUs, 0, maxSkew, maxSkew);
    return earlier.intersect(own).isEmpty();
  }

  private Model model() {
    if (model == null) {
      model = new Model(window, config);
    }
    return model;
  }

  /**
   * Intersection, at local time {@code atUs}, of the samples' offset intervals carried forward
   * along {@code skewPpm} and widened by {@code skewUncertaintyPpm} per µs of distance; relative
   * to the reference sample's offset, to keep doubles exact.
   */
  private static Interval intersectAt(
      Iterable<ClockSample> samples,
      ClockSample reference,
      double atUs,
      double skewPpm,
      double skewUncertaintyPpm,
      double maxSkewPpm) {
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    double referenceOffsetUs = reference.offsetUs();
    for (ClockSample s : samples) {
      double distanceUs = atUs - s.localMidpointUs();
      double centre = s.offsetUs() - referenceOffsetUs + skewPpm * 1e-6 * distanceUs;
      double radius = s.halfWidthUs(maxSkewPpm) + skewUncertaintyPpm * 1e-6 * Math.abs(distanceUs);
      lo = Math.max(lo, centre - radius);
      hi = Math.min(hi, centre + radius);
    }
    return new Interval(lo, hi);
  }

  private record Interval(double lo, double hi) {
    boolean isEmpty() {
      return lo > hi;
    }

    Interval intersect(Interval other) {
      return new Interval(Math.max(lo, other.lo), Math.min(hi, other.hi));
    }

    double centre() {
      return (lo + hi) / 2;
    }

    double halfWidth() {
      return (hi - lo) / 2;
    }
  }

  /** What the estimate derives from the window: the samples that pass the delay filter, and the skew. */
  private static final class Model {
    final List<ClockSample> filtered = new ArrayList<>();
    final long minDelayUs;
    final long medianDelayUs;
    final ClockSample newest;
    final double skewPpm;
    final double skewUncertaintyPpm;

    Model(ArrayDeque<ClockSample> window, ClockSyncConfig config) {
      long[] delays = window.stream().mapToLong(ClockSample::roundTripDelayUs).sorted().toArray();
      minDelayUs = delays[0];
      medianDelayUs = delays[(delays.length - 1) / 2];
      double maxUsedDelayUs =
          Math.max(
              medianDelayUs,
              minDelayUs * (1 + config.delayFilterFraction()) + config.delayFilterSlackUs());
      for (ClockSample s : window) {
        if (s.roundTripDelayUs() <= maxUsedDelayUs) {
          filtered.add(s);
        }
      }
      newest = filtered.get(filtered.size() - 1);
      SkewFit fit = SkewFit.of(filtered, minDelayUs, newest, config);
      skewPpm = fit.skewPpm;
      skewUncertaintyPpm = fit.uncertaintyPpm;
    }
  }

  static double skewConfidence(int degreesOfFreedom) {
    if (degreesOfFreedom < SKEW_CONFIDENCE_T.length) {
      return SKEW_CONFIDENCE_T[degreesOfFreedom];
    }
    return degreesOfFreedom < 30 ? 4.85 : degreesOfFreedom < 60 ? 4.48 : 4;
  }

  /** Least-squares slope of sample offset over local midpoint time. */
  private record SkewFit(double skewPpm, double uncertaintyPpm) {

    static SkewFit of(
        List<ClockSample> filtered, long minDelayUs, ClockSample reference, ClockSyncConfig config) {
      double maxSkew = config.maxSkewPpm();
      SkewFit unknown = new SkewFit(0, maxSkew);
      int n = filtered.size();
      if (n < config.minSkewSamples()) {
        return unknown;
      }
      double firstUs = Double.POSITIVE_INFINITY;
      double lastUs = Double.NEGATIVE_INFINITY;
      double meanX = 0;
      double meanY = 0;
      double jitterVariance = 0;
      for (ClockSample s : filtered) {
        double x = s.localMidpointUs() - reference.localMidpointUs();
        firstUs = Math.min(firstUs, x);
        lastUs = Math.max(lastUs, x);
        meanX += x;
        meanY += s.offsetUs() - reference.offsetUs();
        double excessDelayUs = s.roundTripDelayUs() - minDelayUs;
        jitterVariance += excessDelayUs * excessDelayUs / 12;
      }
      if (lastUs - firstUs < config.minSkewSpanUs()) {
        return unknown;
      }
      meanX /= n;
      meanY /= n;
      jitterVariance /= n;
      double sxx = 0;
      double sxy = 0;
      for (ClockSample s : filtered) {
        double dx = s.localMidpointUs() - reference.localMidpointUs() - meanX;
        double dy = s.offsetUs() - reference.offsetUs() - meanY;
        sxx += dx * dx;
        sxy += dx * dy;
      }
      double slope = sxy / sxx;
      double residualSquares = 0;
      for (ClockSample s : filtered) {
        double dx = s.localMidpointUs() - reference.localMidpointUs() - meanX;
        double dy = s.offsetUs() - reference.offsetUs() - meanY;
        double residual = dy - slope * dx;
        residualSquares += residual * residual;
      }
      double variance = Math.max(1.0, Math.max(residualSquares / (n - 2), jitterVariance));
      double standardErrorPpm = Math.sqrt(variance / sxx) * 1e6;
      double skewPpm = Math.max(-maxSkew, Math.min(maxSkew, slope * 1e6));
      // The true skew is within ±maxSkew, so it can be up to maxSkew + |skewPpm| away from the
      // fit: capping the uncertainty at maxSkew alone let a badly fitted skew (few samples under
      // heavy jitter) carry old samples past the true offset.
      double uncertaintyPpm =
          Math.min(
              maxSkew + Math.abs(skewPpm),
              skewConfidence(n - 2) * standardErrorPpm + SKEW_UNCERTAINTY_FLOOR_PPM);
      return new SkewFit(skewPpm, uncertaintyPpm);
    }
  }
}
