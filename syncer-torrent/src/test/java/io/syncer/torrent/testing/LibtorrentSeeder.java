package io.syncer.torrent.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A libtorrent seeder process on 127.0.0.1 (src/test/python/seeder.py). Close it to stop it. */
public final class LibtorrentSeeder implements AutoCloseable {
  private final Process process;
  private final BufferedReader output;
  private final int port;

  private LibtorrentSeeder(Process process, BufferedReader output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /**
   * Seeds {@code torrent} whose file lies in {@code dataDirectory}.
   *
   * @param uploadLimit bytes per second, 0 for unlimited
   */
  public static LibtorrentSeeder start(Path dataDirectory, byte[] torrent, int uploadLimit)
      throws IOException {
    return start(dataDirectory, torrent, uploadLimit, true);
  }

  /**
   * Seeds {@code torrent} whose file lies in {@code dataDirectory}.
   *
   * @param uploadLimit bytes per second, 0 for unlimited
   * @param peerExchange false to keep the seeder from telling its peers about each other
   */
  public static LibtorrentSeeder start(
      Path dataDirectory, byte[] torrent, int uploadLimit, boolean peerExchange) throws IOException {
    Path torrentFile = Files.createTempFile("seed", ".torrent");
    Files.write(torrentFile, torrent);
    Path script = Path.of("src", "test", "python", "seeder.py").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(ExternalTools.PYTHON, script.toString(),
        "--torrent", torrentFile.toString(), "--data", dataDirectory.toString(),
        "--upload-limit", Integer.toString(uploadLimit)));
    if (!peerExchange) {
      command.add("--no-pex");
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("PORT ")) {
      process.destroyForcibly();
      throw new IOException("seeder did not start: " + line);
    }
    return new LibtorrentSeeder(process, out, Integer.parseInt(line.substring(5).trim()));
  }

  /** Piece data uploaded so far (libtorrent's total_payload_upload). */
  public long uploadedBytes() throws IOException {
    process.getOutputStream().write("STATS\n".getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
    String line = output.readLine();
    if (line == null || !line.startsWith("UPLOADED ")) {
      throw new IOException("seeder gave no statistics: " + line);
    }
    return Long.parseLong(line.substring(9).trim());
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // the process is gone already
    }
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
