package io.syncer.player;

import io.syncer.player.desktop.DesktopApp;
import io.syncer.player.headless.CompareTraces;
import io.syncer.player.headless.HeadlessParticipant;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code syncer-player.jar}: {@code --headless} runs a headless participant,
 * {@code --compare-traces} compares their traces, anything else runs the desktop player.
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
    return DesktopApp.run(args);
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
