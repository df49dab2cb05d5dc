package io.syncer.benchmarks;

import io.syncer.benchmarks.load.LoadCommand;
import io.syncer.benchmarks.sim.SyncSimCommand;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of {@code benchmarks.jar}: {@code java -jar benchmarks/target/benchmarks.jar
 * [COMMAND] [ARGS]}. A known command name runs that tool; anything else is handed to JMH, so
 * {@code java -jar benchmarks.jar CodecBenchmark -f 1} runs JMH benchmarks as usual.
 */
public final class Main {

  /** A tool reachable as the first argument of {@code benchmarks.jar}. */
  interface Command {
    /** Runs the tool and returns the process exit code. */
    int run(String[] args) throws Exception;
  }

  private static final Map<String, Command> COMMANDS = new TreeMap<>();

  static {
    COMMANDS.put("sync-sim", SyncSimCommand::run);
    COMMANDS.put("load", LoadCommand::run);
  }

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && COMMANDS.containsKey(args[0])) {
      System.exit(COMMANDS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help"))) {
      System.out.println("usage: java -jar benchmarks.jar [" + String.join("|", COMMANDS.keySet())
          + "] ARGS...   or   java -jar benchmarks.jar [JMH options] [benchmark regex]");
      return;
    }
    org.openjdk.jmh.Main.main(args);
  }
}
