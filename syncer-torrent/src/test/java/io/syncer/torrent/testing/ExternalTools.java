package io.syncer.torrent.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Foreign programs the loopback tests need (installed by scripts/test-setup.d/30-torrent-peers.sh).
 * With CI=true a missing program fails the test; locally the test is skipped with a message.
 */
public final class ExternalTools {
  public static final String PYTHON = "/usr/bin/python3";

  private ExternalTools() {}

  public static void requireFfmpegAndLibtorrent() {
    boolean ffmpeg = runs("ffmpeg", "-version") && runs("ffprobe", "-version");
    boolean libtorrent = Files.isExecutable(Path.of(PYTHON)) && runs(PYTHON, "-c", "import libtorrent");
    if (ffmpeg && libtorrent) {
      return;
    }
    String message =
        "needs ffmpeg and python3-libtorrent (run scripts/test-setup.d/30-torrent-peers.sh as root);"
            + " missing: " + (ffmpeg ? "" : "ffmpeg ") + (libtorrent ? "" : "python3-libtorrent");
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(message);
    }
    Assumptions.abort(message);
  }

  static boolean runs(String... command) {
    try {
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a command to completion, failing with its output if it does not succeed. */
  public static String run(Path directory, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile())
        .redirectErrorStream(true).start();
    byte[] output;
    try (var in = process.getInputStream()) {
      output = in.readAllBytes();
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    String text = new String(output, java.nio.charset.StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed:\n" + text);
    }
    return text;
  }
}
