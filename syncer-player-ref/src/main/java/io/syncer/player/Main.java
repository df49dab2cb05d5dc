package io.syncer.player;

import io.syncer.player.desktop.DesktopApp;
import io.syncer.player.headless.CompareTraces;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code syncer-player.jar}: {@code --compare-traces} compares headless
 * participants' traces, anything else runs the desktop player.
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
    if (arguments.contains("--compare-traces")) {
      return CompareTraces.run(without(args, "--compare-traces"));
    }
    return DesktopApp.run(args);
  }

  private static String[] without(String[] args, String flag) {
    return Arrays.stream(args).filter(a -> !a.equals(flag)).toArray(String[]::new);
  }
}
