package io.syncer.benchmarks.sim;

import io.syncer.protocol.drift.JellyfinLikePolicy;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.drift.SyncerDriftPolicy;
import io.syncer.protocol.drift.SyncplayLikePolicy;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sync-sim}: runs the sync-accuracy simulation for each policy in one scenario and reports
 * the figures as a table (stdout), JSON and a plot.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar sync-sim --scenario wan \
 *     --policies syncer,syncplay,jellyfin --seed 1 --minutes 30 --json out.json --plot out.png
 * }</pre>
 *
 * <p>Thread-safety: not thread-safe; one run per instance.
 */
@Command(
    name = "sync-sim",
    mixinStandardHelpOptions = true,
    description =
        "Simulates a room of 8 participants on virtual time (the real room authority, clock "
            + "sync and drift control over a simulated network and players) and reports how "
            + "closely each policy keeps them together. Deterministic per seed.")
public final class SyncSimCommand implements Callable<Integer> {

  static final Map<String, Supplier<SyncPolicy>> POLICIES = new LinkedHashMap<>();

  static {
    register(SyncerDriftPolicy.defaults());
    register(new SyncplayLikePolicy());
    register(JellyfinLikePolicy.withCorrection());
    register(new JellyfinLikePolicy(false, false));
  }

  private static void register(SyncPolicy policy) {
    POLICIES.put(policy.name(), () -> policy);
  }

  @Option(names = "--scenario", defaultValue = "wan",
      description = "Network scenario: lan, wan, wan-mixed (wan, the longer direction drawn per participant) or mobile"
          + " (default ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--policies", split = ",", defaultValue = "syncer,syncplay,jellyfin",
      description = "Policies to compare, comma-separated: syncer, syncplay, jellyfin (its "
          + "correction on), jellyfin-no-correction (Jellyfin's default) (default ${DEFAULT-VALUE}).")
  List<String> policies;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
  long seed;

  @Option(names = "--minutes", defaultValue = "30",
      description = "Simulated minutes, at least 1 (default ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--json", description = "Write the figures as JSON to this file.")
  Path json;

  @Option(names = "--plot", description = "Write a PNG plot of the offset over time to this file.")
  Path plot;

  @Option(names = "--trace", description = "Write every sample's per-member offsets and every "
      + "command's per-member apply times to this text file.")
  Path trace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point for {@code benchmarks.jar sync-sim ARGS}; returns the exit code. */
  public static int run(String[] args) {
    return new CommandLine(new SyncSimCommand()).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    Scenario chosen;
    try {
      chosen = Scenario.named(scenario);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!(minutes >= 1 && minutes <= 24 * 60)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--minutes must be between 1 and 1440");
    }
    List<SyncPolicy> chosenPolicies = new ArrayList<>();
    for (String name : policies) {
      Supplier<SyncPolicy> policy = POLICIES.get(name.trim());
      if (policy == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "unknown policy '" + name + "': choose from " + String.join(",", POLICIES.keySet()));
      }
      chosenPolicies.add(policy.get());
    }
    SyncSimulation simulation =
        new SyncSimulation(chosen, seed, Math.round(minutes * 60_000_000));
    List<SimResult> results = new ArrayList<>();
    try (Writer traceFile = trace == null ? null : Files.newBufferedWriter(trace)) {
      if (traceFile != null) {
        traceFile.write("# sample POLICY SECONDS COUNTED SPREAD_MS OFFSET_MS... (per member)\n"
            + "# command POLICY VERSION SECONDS SPREAD_MS APPLIED_AFTER_FIRST_MS... (sorted)\n");
      }
      for (SyncPolicy policy : chosenPolicies) {
        results.add(simulation.run(policy, traceFile));
      }
    }
    System.out.print(SimReport.table(chosen, seed, minutes, results));
    if (json != null) {
      SimReport.writeJson(json, SimReport.json(chosen, seed, minutes, results));
    }
    if (plot != null) {
      SimReport.writePlot(plot, chosen, seed, results);
    }
    return 0;
  }
}
