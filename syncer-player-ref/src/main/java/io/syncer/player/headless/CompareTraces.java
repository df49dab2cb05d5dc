package io.syncer.player.headless;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code --compare-traces}: the command-line face of {@link TraceComparison}. Prints the spread
 * of the players' positions (p50, p95, max) and, with {@code --max-p95-ms}, exits with 1 when the
 * p95 is above it.
 *
 * <p>Thread-safety: one instance per run, on one thread.
 */
@Command(
    name = "syncer-player.jar --compare-traces",
    mixinStandardHelpOptions = true,
    description = {
      "Compares --trace files of participants that ran at the same time on one host: at every "
          + "point of a wall-clock grid where all of them played steadily, takes the largest "
          + "difference between their positions; prints its p50, p95 and max.",
      "Exit codes: 0 done (and within --max-p95-ms), 1 p95 above --max-p95-ms or unreadable "
          + "traces, 2 bad command line."
    })
public final class CompareTraces implements Callable<Integer> {

  @Parameters(arity = "2..*", paramLabel = "TRACE", description = "Trace files (two or more).")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--grid-ms", paramLabel = "MS", description = "Grid spacing (default 50).")
  private long gridMillis = 50;

  @Option(
      names = "--settle-ms",
      paramLabel = "MS",
      description = "Skip this long before and after each pause, resume or seek (default 1000).")
  private long settleMillis = 1_000;

  @Option(
      names = "--warmup-ms",
      paramLabel = "MS",
      description = "Skip this long after all first play: initial convergence (default 2000).")
  private long warmupMillis = 2_000;

  @Option(
      names = "--max-p95-ms",
      paramLabel = "MS",
      description = "Exit with 1 if the p95 is above this.")
  private Double maxP95Millis;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /**
   * Runs the comparison with {@code args}, printing to {@code out} and {@code err};
   * returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return new CommandLine(new CompareTraces()).setOut(out).setErr(err).execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TraceComparison.Settings settings;
    try {
      settings =
          new TraceComparison.Settings(
              gridMillis * 1_000_000, settleMillis * 1_000_000, warmupMillis * 1_000_000,
              TraceComparison.Settings.defaults().jumpMicros());
    } catch (IllegalArgumentException e) {
      err.println("Invalid option: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    TraceComparison.Result result;
    try {
      List<TraceComparison.Trace> traces = new ArrayList<>();
      for (Path file : files) {
        traces.add(TraceComparison.read(file));
      }
      result = TraceComparison.compare(traces, settings);
    } catch (IOException e) {
      err.println("Cannot read a trace: " + e);
      return CommandLine.ExitCode.SOFTWARE;
    } catch (IllegalArgumentException e) {
      err.println("Cannot compare: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    }
    out.printf(
        Locale.ROOT,
        "%d traces, %d points on a %d ms grid (%d pause/resume/seek events, %d ms settle,"
            + " %d ms warm-up)%n",
        files.size(), result.points(), gridMillis, result.events(), settleMillis, warmupMillis);
    out.printf(
        Locale.ROOT,
        "max pairwise difference: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
        result.p50Millis(), result.p95Millis(), result.maxMillis());
    out.flush();
    if (maxP95Millis != null && result.p95Millis() > maxP95Millis) {
      err.printf(Locale.ROOT, "p95 %.2f ms is above %.2f ms%n", result.p95Millis(), maxP95Millis);
      return CommandLine.ExitCode.SOFTWARE;
    }
    return CommandLine.ExitCode.OK;
  }
}
