package io.syncer.player;

import io.syncer.player.headless.CompareTraces;
import io.syncer.player.headless.HeadlessParticipant;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code syncer-player.jar}: {@code --headless} runs a headless participant,
 * {@code --compare-traces} compares their traces, anything else is for the desktop player.
 *
 * <p>Thread-safety: an entry point.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Dispatches {@code args}; returns the exit code. */
  static int run(String... args) {
    List<String> arguments = Arrays.asList(args);
    if (arguments.contains("--headless")) {
      return HeadlessParticipant.run(stdout(), stderr(), without(args, "--headless"));
    }
    if (arguments.contains("--compare-traces")) {
      return CompareTraces.run(stdout(), stderr(), without(args, "--compare-traces"));
    }
    System.err.println(
        "The desktop player is not in this build yet. Use --headless for a headless participant"
            + " (--headless --help lists its options) or --compare-traces to compare traces.");
    return 2;
  }

  private static PrintWriter stdout() {
    return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(System.err, true, StandardCharsets.UTF_8);
  }

  private static String[] without(String[] args, String flag) {
    return Arrays.stream(args).filter(a -> !a.equals(flag)).toArray(String[]::new);
  }
}
