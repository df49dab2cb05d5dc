package io.syncer.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load run can learn about the server: its own count of connections and rooms, its heap
 * in use and its garbage-collection time from {@code GET /health}, and, given its process id on
 * this machine, CPU time and resident memory from {@code /proc/PID}. (Nothing here starts a
 * process: a {@code jcmd} every few seconds cost a third of a CPU-second each time, on the cores
 * the server under test needs.)
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class ServerProbe {

  /** Linux reports CPU times in clock ticks of 1/100 s on every common configuration. */
  private static final double TICKS_PER_SECOND = 100;
  private static final Pattern HEALTH_NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

  private final URI health;
  private final OptionalLong pid;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServerProbe(URI webSocket, OptionalLong pid) {
    this.health =
        URI.create("http://" + webSocket.getRawAuthority() + "/health");
    this.pid = pid;
  }

  /** Connections the server itself counts, when its {@code /health} answers. */
  OptionalLong serverConnections() {
    return healthNumber("connections");
  }

  OptionalLong serverRooms() {
    return healthNumber("rooms");
  }

  private OptionalLong healthNumber(String field) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Matcher m = HEALTH_NUMBER.matcher(response.body());
      while (m.find()) {
        if (m.group(1).equals(field)) {
          return OptionalLong.of(Long.parseLong(m.group(2)));
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OptionalLong.empty();
  }

  /** The server process's CPU time so far (user + system), seconds. */
  Optional<Double> cpuSeconds() {
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid.getAsLong()), "stat"));
      // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return Optional.of(ticks / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The server process's resident memory, MiB. */
  Optional<Double> residentMiB() {
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(pid.getAsLong()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** The Java heap in use in the server, MiB, as its {@code /health} reports it. */
  Optional<Double> heapUsedMiB() {
    OptionalLong bytes = healthNumber("heapUsedBytes");
    return bytes.isPresent() ? Optional.of(bytes.getAsLong() / (1024.0 * 1024)) : Optional.empty();
  }

  /** The server's accumulated garbage-collection time, ms, as its {@code /health} reports it. */
  OptionalLong gcMillis() {
    return healthNumber("gcMillis");
  }
}
