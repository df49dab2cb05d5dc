package io.syncer.torrent.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.torrent.TorrentMetadata;
import io.syncer.torrent.testing.LibtorrentSeeder;
import io.syncer.torrent.testing.TestMedia;
import io.syncer.torrent.testing.ThreadLeaks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StreamCommandTest {
  @TempDir Path dir;

  @Test
  void printsTheStreamUrlOnOneLineAndServesUntilStopped() throws Exception {
    TestMedia media = TestMedia.get();
    Path torrentFile = dir.resolve("clip.torrent");
    Files.write(torrentFile, media.torrent);
    ThreadLeaks threads = ThreadLeaks.baseline();
    try (LibtorrentSeeder seeder = LibtorrentSeeder.start(media.directory, media.torrent, 0)) {
      StreamCommand command = parse(torrentFile.toString(), "--peer", "127.0.0.1:" + seeder.port(),
          "--no-dht", "--bt-address", "127.0.0.1", "--dir", dir.resolve("downloads").toString());
      PipedLines out = new PipedLines();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(() -> run(command, out.writer(), new PrintWriter(new StringWriter())));

      URI url = URI.create(out.firstLine(60));
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(url).header("Range", "bytes=1000-1999").build(),
          HttpResponse.BodyHandlers.ofByteArray());
      command.stop();

      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPath()).endsWith("/" + TorrentMetadata.parse(media.torrent).infoHash() + "/0/clip.mp4");
      assertThat(response.body()).isEqualTo(Arrays.copyOfRange(media.videoBytes, 1000, 2000));
      assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    }
    assertThat(threads.survivors()).isEmpty();
  }

  @Test
  void badInputExitsWithAMessageAndCode2() throws Exception {
    assertThat(runToEnd("magnet:?xt=urn:btih:nothex")).contains("invalid torrent").contains("info-hash");
    assertThat(runToEnd(dir.resolve("missing.torrent").toString())).contains("no such file");
    Path garbage = dir.resolve("garbage.torrent");
    Files.write(garbage, new byte[] {'d', '9', '9', '9', '9', ':'});
    assertThat(runToEnd(garbage.toString())).contains("invalid torrent");
    assertThat(runToEnd("magnet:?xt=urn:btih:" + "a".repeat(40), "--peer", "nonsense")).contains("host:port");
  }

  private String runToEnd(String... args) throws Exception {
    String[] all = Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--no-dht";
    all[args.length + 1] = "--bt-address=127.0.0.1";
    all[args.length + 2] = "--dir";
    all[args.length + 3] = dir.resolve("bad").toString();
    StringWriter err = new StringWriter();
    StringWriter out = new StringWriter();
    int code = parse(all).run(new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isEqualTo(StreamCommand.EXIT_BAD_INPUT);
    assertThat(out.toString()).isEmpty();
    return err.toString();
  }

  private static StreamCommand parse(String... args) {
    StreamCommand command = new StreamCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  private static int run(StreamCommand command, PrintWriter out, PrintWriter err) {
    try {
      return command.run(out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Collects what the command prints and hands out its first line. */
  private static final class PipedLines {
    private final CompletableFuture<String> first = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();

    PrintWriter writer() {
      return new PrintWriter(new java.io.Writer() {
        @Override
        public synchronized void write(char[] chars, int offset, int length) {
          text.append(chars, offset, length);
          int newline = text.indexOf(System.lineSeparator());
          if (newline >= 0) {
            first.complete(text.substring(0, newline));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      }, true);
    }

    String firstLine(int timeoutSeconds) throws Exception {
      return first.get(timeoutSeconds, TimeUnit.SECONDS);
    }
  }
}
