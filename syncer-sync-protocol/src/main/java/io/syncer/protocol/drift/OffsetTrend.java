package io.syncer.protocol.drift;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;

/**
 * A robust straight-line fit through recent (time, value) points: least squares, then again
 * without the points whose residual exceeds four robust standard deviations (1.4826 × median
 * absolute residual, at least 1 ms). Detects steps: when the median residual of the last second
 * is far off the line, the points before it are dropped.
 *
 * <p>Not thread-safe; owned by one controller.
 */
final class OffsetTrend {

  /** Value, slope and their standard errors at the time asked for. */
  record Line(double valueUs, double slope, double valueErrorUs, double slopeError, long spanUs) {}

  private record Point(long timeUs, double valueUs) {}

  static final int MIN_POINTS = 8;
  static final long MIN_SPAN_US = 1_000_000;
  static final long STEP_WINDOW_US = 1_000_000;
  static final int STEP_MIN_POINTS = 5;
  static final double STEP_MIN_US = 30_000;
  static final double OUTLIER_SIGMAS = 4;
  static final double OUTLIER_MIN_US = 1_000;

  private final long windowUs;
  private final ArrayDeque<Point> points = new ArrayDeque<>();
  private int steps;

  OffsetTrend(long windowUs) {
    this.windowUs = windowUs;
  }

  void add(long timeUs, double valueUs) {
    points.addLast(new Point(timeUs, valueUs));
    while (timeUs - points.peekFirst().timeUs > windowUs) {
      points.removeFirst();
    }
  }

  void clear() {
    points.clear();
  }

  /** How many times a fit found a step and dropped the history before it. */
  int steps() {
    return steps;
  }

  /** The line at {@code nowUs}; empty until the points span {@value #MIN_SPAN_US} µs. */
  Optional<Line> fit(long nowUs) {
    if (!ready()) {
      return Optional.empty();
    }
    Point[] all = points.toArray(new Point[0]);
    Fit fit = Fit.robust(all, nowUs);
    if (isStep(all, fit, nowUs)) {
      steps++;
      while (points.peekFirst().timeUs < nowUs - STEP_WINDOW_US) {
        points.removeFirst();
      }
      if (!ready()) {
        return Optional.empty();
      }
      fit = Fit.robust(points.toArray(new Point[0]), nowUs);
    }
    return Optional.of(fit.line(points.peekLast().timeUs - points.peekFirst().timeUs));
  }

  private boolean ready() {
    return points.size() >= MIN_POINTS
        && points.peekLast().timeUs - points.peekFirst().timeUs >= MIN_SPAN_US;
  }

  /** Whether the last second's points sit, as a group, well away from the fitted line. */
  private static boolean isStep(Point[] all, Fit fit, long nowUs) {
    int first = all.length;
    while (first > 0 && all[first - 1].timeUs >= nowUs - STEP_WINDOW_US) {
      first--;
    }
    int recent = all.length - first;
    if (recent < STEP_MIN_POINTS || first == 0) {
      return false;
    }
    double[] residuals = new double[recent];
    for (int i = 0; i < recent; i++) {
      residuals[i] = fit.residual(all[first + i], nowUs);
    }
    double medianError = 1.25 * fit.sigmaUs / Math.sqrt(recent);
    return Math.abs(median(residuals)) > Math.max(STEP_MIN_US, 5 * medianError);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** Least-squares line in time relative to now: value = intercept + slope × (t - now). */
  private record Fit(
      double intercept, double slope, double sigmaUs, int n, double meanX, double sxx) {

    static Fit robust(Point[] points, long nowUs) {
      Fit first = leastSquares(points, nowUs, null, 0);
      double[] absResiduals = new double[points.length];
      for (int i = 0; i < points.length; i++) {
        absResiduals[i] = Math.abs(first.residual(points[i], nowUs));
      }
      double cutoff = Math.max(OUTLIER_MIN_US, OUTLIER_SIGMAS * 1.4826 * median(absResiduals));
      Fit refit = leastSquares(points, nowUs, first, cutoff);
      return refit.n >= MIN_POINTS && refit.sxx > 0 ? refit : first;
    }

    /** Fit over the points within {@code cutoff} of {@code previous} (all when it is null). */
    private static Fit leastSquares(Point[] points, long nowUs, Fit previous, double cutoff) {
      int n = 0;
      double sumX = 0;
      double sumY = 0;
      for (Point p : points) {
        if (previous == null || Math.abs(previous.residual(p, nowUs)) <= cutoff) {
          n++;
          sumX += p.timeUs - nowUs;
          sumY += p.valueUs;
        }
      }
      double meanX = sumX / n;
      double meanY = sumY / n;
      double sxx = 0;
      double sxy = 0;
      for (Point p : points) {
        if (previous == null || Math.abs(previous.residual(p, nowUs)) <= cutoff) {
          double dx = p.timeUs - nowUs - meanX;
          sxx += dx * dx;
          sxy += dx * (p.valueUs - meanY);
        }
      }
      double slope = sxx > 0 ? sxy / sxx : 0;
      double intercept = meanY - slope * meanX;
      double squares = 0;
      for (Point p : points) {
        if (previous == null || Math.abs(previous.residual(p, nowUs)) <= cutoff) {
          double r = p.valueUs - intercept - slope * (p.timeUs - nowUs);
          squares += r * r;
        }
      }
      double sigma = n > 2 ? Math.sqrt(squares / (n - 2)) : 0;
      return new Fit(intercept, slope, sigma, n, meanX, sxx);
    }

    double residual(Point p, long nowUs) {
      return p.valueUs - intercept - slope * (p.timeUs - nowUs);
    }

    Line line(long spanUs) {
      double valueError = sigmaUs * Math.sqrt(1.0 / n + meanX * meanX / sxx);
      double slopeError = sigmaUs / Math.sqrt(sxx);
      return new Line(intercept, slope, valueError, slopeError, spanUs);
    }
  }
}
