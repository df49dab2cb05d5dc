package io.syncer.benchmarks.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Writes the figures of a simulation run: a table for people, JSON for tools, and a plot of the
 * inter-participant offset over time per policy.
 *
 * <p>Thread-safety: stateless.
 */
final class SimReport {

  /** Offsets are plotted on a log axis between these bounds; values outside are clamped. */
  private static final double PLOT_FLOOR_MS = 0.1;

  private static final double PLOT_CEILING_MS = 10_000;
  private static final Color[] COLORS = {
    new Color(0x1b9e77), new Color(0xd95f02), new Color(0x7570b3), new Color(0xe7298a)
  };

  private SimReport() {}

  static String table(Scenario scenario, long seed, double minutes, List<SimResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "sync-sim: scenario %s (RTT %.1f ms, jitter %.1f ms, asymmetry %.1f ms%s, spikes %.0f ms x %.1f/min),"
            + " %d participants, %.1f simulated minutes, seed %d%n",
        scenario.name(), scenario.rttUs() / 1e3, scenario.jitterUs() / 1e3,
        scenario.asymmetryUs() / 1e3, asymmetryDirection(scenario),
        scenario.spikeUs() / 1e3, scenario.spikesPerMinute(),
        SyncSimulation.PARTICIPANTS, minutes, seed));
    out.append(String.format(Locale.ROOT,
        "%-9s %9s %9s %9s %9s | %9s %9s | %8s %10s %9s | %10s %7s %6s%n",
        "policy", "off p50", "off p95", "off p99", "off max", "conv join", "conv seek",
        "seeks/h", "seeks/h cv", "non1x s/h", "cmd spr95", "waits/h", "errors"));
    out.append(String.format(Locale.ROOT,
        "%-9s %9s %9s %9s %9s | %9s %9s | %8s %10s %9s | %10s %7s %6s%n",
        "", "ms", "ms", "ms", "ms", "s (p50)", "s (p50)", "", "after conv", "", "ms", "room", ""));
    for (SimResult r : results) {
      out.append(String.format(Locale.ROOT,
          "%-9s %9.2f %9.2f %9.2f %9.2f | %9.1f %9.1f | %8.1f %10.1f %9.1f | %10.2f %7.1f %6d%n",
          r.policy(), r.offsetMs().p50(), r.offsetMs().p95(), r.offsetMs().p99(),
          r.offsetMs().max(), r.convergeAfterJoinS().p50(), r.convergeAfterSeekS().p50(),
          r.seeksPerHour(), r.seeksAfterConvergencePerHour(), r.nonUnitRateSecondsPerHour(),
          r.commandSpreadMs().p95(), r.roomWaitsPerHour(), r.errors().size()));
    }
    return out.toString();
  }

  static Map<String, Object> json(
      Scenario scenario, long seed, double minutes, List<SimResult> results) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", scenario.name());
    root.put("seed", seed);
    root.put("minutes", minutes);
    root.put("participants", SyncSimulation.PARTICIPANTS);
    Map<String, Object> policies = new LinkedHashMap<>();
    for (SimResult r : results) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("offsetP50Ms", round(r.offsetMs().p50()));
      p.put("offsetP95Ms", round(r.offsetMs().p95()));
      p.put("offsetP99Ms", round(r.offsetMs().p99()));
      p.put("offsetMaxMs", round(r.offsetMs().max()));
      p.put("offsetSamples", r.offsetMs().count());
      p.put("convergeSeconds", round(r.convergeS().p50()));
      p.put("convergeAfterJoinSeconds", round(r.convergeAfterJoinS().p50()));
      p.put("convergeAfterJoinMaxSeconds", round(r.convergeAfterJoinS().max()));
      p.put("convergeAfterSeekSeconds", round(r.convergeAfterSeekS().p50()));
      p.put("convergeAfterSeekMaxSeconds", round(r.convergeAfterSeekS().max()));
      p.put("unconvergedEvents", r.unconverged());
      p.put("seeksPerHour", round(r.seeksPerHour()));
      p.put("seeksAfterConvergencePerHour", round(r.seeksAfterConvergencePerHour()));
      p.put("seeksAfterConvergence", r.seeksAfterConvergence());
      p.put("nonUnitRateSecondsPerHour", round(r.nonUnitRateSecondsPerHour()));
      p.put("commandSpreadP50Ms", round(r.commandSpreadMs().p50()));
      p.put("commandSpreadP95Ms", round(r.commandSpreadMs().p95()));
      p.put("commandSpreadMaxMs", round(r.commandSpreadMs().max()));
      p.put("commands", r.commandSpreadMs().count());
      p.put("roomWaitsPerHour", round(r.roomWaitsPerHour()));
      p.put("roomWaitSecondsPerHour", round(r.roomWaitSecondsPerHour()));
      List<Map<String, Object>> members = new ArrayList<>();
      for (Stats member : r.memberOffsetMs()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offsetMeanMs", round(member.mean()));
        m.put("offsetP50Ms", round(member.p50()));
        m.put("offsetMaxMs", round(member.max()));
        members.add(m);
      }
      p.put("members", members);
      p.put("protocolErrors", r.errors());
      policies.put(r.policy(), p);
    }
    root.put("policies", policies);
    return root;
  }

  static void writeJson(Path file, Map<String, Object> json) throws IOException {
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }

  /** The offset over time, one line per policy (per-second maxima, log scale). */
  static void writePlot(Path file, Scenario scenario, long seed, List<SimResult> results)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYSeriesCollection data = new XYSeriesCollection();
    for (SimResult r : results) {
      XYSeries series = new XYSeries(r.policy(), true, false);
      long bucket = Long.MIN_VALUE;
      double worst = 0;
      for (double[] point : r.series()) {
        long second = (long) Math.floor(point[0] * 60);
        if (second != bucket && bucket != Long.MIN_VALUE) {
          series.add(bucket / 60.0, clamp(worst));
          if (second > bucket + 1) {
            // No samples in between (the room was paused): break the line.
            series.add((bucket + 1) / 60.0, null);
          }
          worst = 0;
        }
        bucket = second;
        worst = Math.max(worst, point[1]);
      }
      if (bucket != Long.MIN_VALUE) {
        series.add(bucket / 60.0, clamp(worst));
      }
      data.addSeries(series);
    }
    NumberAxis time = new NumberAxis("simulated minutes");
    LogAxis offset =
        new LogAxis("inter-participant offset, ms (max per second; clamped to 0.1 ms .. 10 s)");
    offset.setSmallestValue(PLOT_FLOOR_MS);
    offset.setRange(PLOT_FLOOR_MS, PLOT_CEILING_MS);
    offset.setTickUnit(new NumberTickUnit(1));
    offset.setNumberFormatOverride(new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < results.size(); i++) {
      renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
      renderer.setSeriesStroke(i, new BasicStroke(1.2f));
    }
    XYPlot plot = new XYPlot(data, time, offset, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    for (double goal : new double[] {5, 15, 40}) {
      ValueMarker marker = new ValueMarker(goal, Color.GRAY, new BasicStroke(0.6f));
      plot.addRangeMarker(marker);
    }
    JFreeChart chart =
        new JFreeChart(
            "Sync accuracy, scenario " + scenario.name() + " (seed " + seed + ")",
            JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 600);
  }

  private static String asymmetryDirection(Scenario scenario) {
    if (scenario.asymmetryUs() == 0) {
      return "";
    }
    return scenario.uplinkAlwaysLonger() ? " uplink longer" : " direction per participant";
  }

  private static double clamp(double ms) {
    return Math.max(PLOT_FLOOR_MS, Math.min(PLOT_CEILING_MS, ms));
  }

  private static Double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
  }
}
