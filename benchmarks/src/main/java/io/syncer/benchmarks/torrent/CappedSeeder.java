package io.syncer.benchmarks.torrent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A libtorrent seeder of the benchmark movie on 127.0.0.1, capped at twice the media bitrate
 * (syncer-torrent's test seeder, {@code syncer-torrent/src/test/python/seeder.py}). Close it to
 * stop the process.
 */
final class CappedSeeder implements AutoCloseable {
  final int port;
  private final Process process;
  private final BufferedReader output;
  private final Writer input;

  CappedSeeder(BenchmarkMovie movie, boolean peerExchange) throws IOException {
    List<String> command = new ArrayList<>(List.of(BenchmarkMovie.PYTHON,
        "syncer-torrent/src/test/python/seeder.py",
        "--torrent", movie.torrentFile.toString(), "--data", movie.work.toString(),
        "--upload-limit", Integer.toString(movie.uploadCap)));
    if (!peerExchange) {
      command.add("--no-pex");
    }
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    String line = output.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IOException("seeder did not start: " + line);
    }
    port = Integer.parseInt(line.substring(5).trim());
  }

  /** Piece data the seeder has uploaded so far (libtorrent's total_payload_upload). */
  long uploadedBytes() throws IOException {
    input.write("STATS\n");
    input.flush();
    String line = output.readLine();
    if (line == null || !line.startsWith("UPLOADED ")) {
      throw new IOException("seeder gave no statistics: " + line);
    }
    return Long.parseLong(line.substring(9).trim());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
