package io.syncer.player.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the programs media tests need beyond the JDK (ffmpeg, Xvfb), installed by
 * {@code scripts/test-setup.d/40-xvfb-ffmpeg.sh}. With {@code CI=true} a missing program fails the
 * test; elsewhere the test is skipped with a message saying how to install it.
 */
public final class ExternalTools {

  private ExternalTools() {}

  public static Path require(String program) {
    Optional<Path> found = onPath(program);
    if (found.isPresent()) {
      return found.get();
    }
    String message =
        program + " is not on the PATH; install it with: sudo bash scripts/test-setup.d/40-xvfb-ffmpeg.sh";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
    throw new AssertionError("unreachable");
  }

  public static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
