package io.syncer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's main as an operator runs it: one line of URLs, health, SIGTERM. */
class MainProcessTest {

  private static final Pattern URLS =
      Pattern.compile("(http://127\\.0\\.0\\.1:(\\d+)) (ws://127\\.0\\.0\\.1:(\\d+)/ws/v1)");

  @TempDir Path work;

  private Process start(String... args) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"),
                // The runnable jar's logging setup, not the tests' (which logs to standard output).
                "-Dlogback.configurationFile=" + Path.of("src/app/logback.xml").toAbsolutePath(),
                Main.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectError(work.resolve("stderr.log").toFile())
        .start();
  }

  @Test
  void printsOneLineWithBothUrlsServesHealthAndStopsGracefullyOnSigterm() throws Exception {
    Process server = start("--port", "0");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).isNotNull();
      Matcher urls = URLS.matcher(line);
      assertThat(urls.find()).as("URLs in: %s", line).isTrue();
      assertThat(urls.group(2)).isEqualTo(urls.group(4)).isNotEqualTo("0");

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(urls.group(1) + "/health")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      server.destroy(); // SIGTERM
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(work.resolve("stderr.log"))).contains("stopped");
    } finally {
      server.destroyForcibly();
    }
  }

  @Test
  void aBusyPortIsAClearErrorNotAStackTrace() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Process server = start("--port", String.valueOf(taken.getLocalPort()));
      try {
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(1);
        String errors = Files.readString(work.resolve("stderr.log"));
        assertThat(errors).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        assertThat(errors).doesNotContain("\tat ");
      } finally {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void aBadPortIsRefusedWithUsage() throws Exception {
    Process server = start("--port", "70000");
    try {
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isEqualTo(2);
      assertThat(Files.readString(work.resolve("stderr.log"))).contains("--port must be 0..65535");
    } finally {
      server.destroyForcibly();
    }
  }
}
