package io.syncer.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.syncer.benchmarks.client.RoomServerThreads;
import io.syncer.benchmarks.client.RoomSetup;
import io.syncer.benchmarks.client.NettyWebSocketClients;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.Pause;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.Seek;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load}: holds many WebSocket clients in many rooms on a Syncer server on this machine for
 * a bounded time, with the traffic real viewers make, and reports what the server sustained.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar load --url ws://127.0.0.1:8470/ws/v1 \
 *     --clients 5000 --rooms 1000 --minutes 2 --server-pid 12345
 * }</pre>
 *
 * <p>Each client says hello and keeps clock sync going with Syncer's estimator (a burst of 8
 * requests, then one every 2 s); the first client of each room creates it, the others join; every
 * client reports its status about once a second; each room's owner sends a command (play, seek,
 * seek, pause, ...) every {@code --command-interval} seconds, and every member records how long
 * the command took to reach it. Clients share {@code --client-threads} Netty event loops.
 *
 * <p>Thread-safety: not thread-safe; one run per instance.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Opens WebSocket clients in rooms on a Syncer server on this machine (loopback only), "
            + "runs clock sync, status reports and owner commands for a bounded time, and reports "
            + "connections held, messages per second, command fan-out latency, errors and the "
            + "server's heap and CPU.")
public final class LoadCommand implements Callable<Integer> {

  static final int MAX_CLIENTS = 20_000;
  static final double MAX_MINUTES = 60;
  /** Descriptors the load process needs besides one per client (jars, selectors, pipes). */
  static final int SPARE_DESCRIPTORS = 256;
  private static final long PROGRESS_SECONDS = 10;
  private static final long CLOSE_WAIT_SECONDS = 5;
  private static final long MEDIA_DURATION_US = 90L * 60 * 1_000_000;

  @Option(names = "--url", required = true,
      description = "The server's WebSocket URL, e.g. ws://127.0.0.1:8470/ws/v1 (loopback only).")
  URI url;

  @Option(names = "--clients", defaultValue = "5000",
      description = "Clients to open, 1..20000 (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--rooms", defaultValue = "1000",
      description = "Rooms to spread them over, 1..clients (default ${DEFAULT-VALUE}).")
  int rooms;

  @Option(names = "--minutes", defaultValue = "2",
      description = "How long to hold the load after connecting, up to 60 (default ${DEFAULT-VALUE}).")
  double minutes;

  @Option(names = "--command-interval", defaultValue = "10",
      description = "Seconds between one room's owner commands (default ${DEFAULT-VALUE}).")
  double commandIntervalSeconds;

  @Option(names = "--warmup", defaultValue = "15",
      description = "Seconds of full traffic after connecting before measuring starts, 0..600 "
          + "(default ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(names = "--status-interval", defaultValue = "1000",
      description = "Milliseconds between one client's status reports (default ${DEFAULT-VALUE}).")
  long statusIntervalMillis;

  @Option(names = "--connect-parallelism", defaultValue = "32",
      description = "Handshakes in flight at once (default ${DEFAULT-VALUE}).")
  int connectParallelism;

  @Option(names = "--client-threads", defaultValue = "2",
      description = "Event-loop threads all clients share (default ${DEFAULT-VALUE}).")
  int clientThreads;

  @Option(names = "--server-pid",
      description = "The server's process id, to read its CPU and memory from /proc and jcmd.")
  Long serverPid;

  @Option(names = "--json", description = "Also write the figures as JSON to this file.")
  Path json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Entry point for {@code benchmarks.jar load ARGS}; returns the exit code. */
  public static int run(String[] args) {
    return new CommandLine(new LoadCommand()).execute(args);
  }

  @Override
  public Integer call() throws Exception {
    validate();
    String loadAverageBefore = loadAverage();
    PrintStream log = System.err;
    LoadStats stats = new LoadStats();
    ServerProbe server =
        new ServerProbe(url, serverPid == null ? OptionalLong.empty() : OptionalLong.of(serverPid));
    ScheduledExecutorService timers =
        Executors.newScheduledThreadPool(1, RoomServerThreads.daemon("load-timer"));
    List<LoadClient> all = new ArrayList<>(clients);
    Map<String, Object> figures = new LinkedHashMap<>();
    NettyWebSocketClients sockets = new NettyWebSocketClients(clientThreads);
    try {
      LoadClient.RoomProbe[] probes = new LoadClient.RoomProbe[rooms];
      for (int r = 0; r < rooms; r++) {
        probes[r] = new LoadClient.RoomProbe();
      }
      for (int i = 0; i < clients; i++) {
        // Netty completes sends on the connection's event loop, which never blocks.
        all.add(new LoadClient(stats, probes[i % rooms], Runnable::run));
      }
      long connectStart = System.nanoTime();
      log.printf(Locale.ROOT, "load: connecting %d clients in %d rooms to %s%n", clients, rooms, url);
      connectAll(all.subList(0, rooms), sockets, stats, true);
      connectAll(all.subList(rooms, clients), sockets, stats, false);
      double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
      long connected = all.stream().filter(LoadClient::isOpen).count();
      log.printf(Locale.ROOT, "load: %d of %d connected in %.1f s; holding for %.1f min%n",
          connected, clients, connectSeconds, minutes);

      List<ScheduledFuture<?>> owners = startOwners(all.subList(0, rooms), timers, stats);
      if (warmupSeconds > 0) {
        // The connect phase leaves joins, clock bursts and cold code paths behind; the figures
        // below describe the steady state that follows.
        log.printf(Locale.ROOT, "load: warming up for %.0f s (not measured)%n", warmupSeconds);
        Thread.sleep(Math.round(warmupSeconds * 1000));
      }
      double cpuStart = server.cpuSeconds().orElse(Double.NaN);
      long serverGcStart = server.gcMillis().orElse(-1);
      long ownCpuStart = ownCpuNanos();
      long ownGcStart = ownGcMillis();
      long sentStart = stats.sent.sum();
      long receivedStart = stats.received.sum();
      int fanOutStart = stats.fanOutCount();
      long runStart = System.nanoTime();
      long runNanos = Math.round(minutes * 60e9);
      long minOpen = connected;
      double heapMax = Double.NaN;
      double rssMax = Double.NaN;
      int progressFrom = fanOutStart;
      while (System.nanoTime() - runStart < runNanos) {
        long left = runNanos - (System.nanoTime() - runStart);
        Thread.sleep(Math.min(TimeUnit.SECONDS.toMillis(PROGRESS_SECONDS), left / 1_000_000 + 1));
        long open = all.stream().filter(LoadClient::isOpen).count();
        minOpen = Math.min(minOpen, open);
        heapMax = max(heapMax, server.heapUsedMiB().orElse(Double.NaN));
        rssMax = max(rssMax, server.residentMiB().orElse(Double.NaN));
        double[] window = stats.fanOutMillisSince(progressFrom);
        progressFrom += window.length;
        log.printf(Locale.ROOT,
            "load: %3.0f s  open %d  sent %d  received %d  fan-out p50 %.1f ms p99 %.1f ms  failures %d%n",
            (System.nanoTime() - runStart) / 1e9, open, stats.sent.sum(), stats.received.sum(),
            LoadStats.percentile(window, 50), LoadStats.percentile(window, 99),
            stats.failureCount());
      }
      double runSeconds = (System.nanoTime() - runStart) / 1e9;
      owners.forEach(owner -> owner.cancel(false));
      long heldAtEnd = all.stream().filter(LoadClient::isOpen).count();
      OptionalLong serverConnections = server.serverConnections();
      OptionalLong serverRooms = server.serverRooms();
      double cpuEnd = server.cpuSeconds().orElse(Double.NaN);
      long serverGcEnd = server.gcMillis().orElse(-1);
      double ownCpuCores = (ownCpuNanos() - ownCpuStart) / 1e9 / runSeconds;
      long ownGc = ownGcMillis() - ownGcStart;
      double[] fanOut = stats.fanOutMillisSince(fanOutStart);

      figures.put("url", url.toString());
      figures.put("clients", clients);
      figures.put("rooms", rooms);
      figures.put("minutes", minutes);
      figures.put("warmupSeconds", warmupSeconds);
      figures.put("connectSeconds", round(connectSeconds));
      figures.put("connectionsHeldAtEnd", heldAtEnd);
      figures.put("connectionsHeldMin", minOpen);
      figures.put("serverConnections", serverConnections.isPresent() ? serverConnections.getAsLong() : null);
      figures.put("serverRooms", serverRooms.isPresent() ? serverRooms.getAsLong() : null);
      figures.put("messagesSentPerSecond", round((stats.sent.sum() - sentStart) / runSeconds));
      figures.put("messagesReceivedPerSecond",
          round((stats.received.sum() - receivedStart) / runSeconds));
      figures.put("commandsSent", stats.commandsSent.sum());
      figures.put("commandDeliveries", fanOut.length);
      figures.put("fanOutP50Ms", round(LoadStats.percentile(fanOut, 50)));
      figures.put("fanOutP99Ms", round(LoadStats.percentile(fanOut, 99)));
      figures.put("fanOutP999Ms", round(LoadStats.percentile(fanOut, 99.9)));
      figures.put("fanOutMaxMs", round(LoadStats.percentile(fanOut, 100)));
      figures.put("failures", stats.failures());
      figures.put("serverCpuCores", round((cpuEnd - cpuStart) / runSeconds));
      figures.put("serverGcMillis",
          serverGcStart >= 0 && serverGcEnd >= 0 ? serverGcEnd - serverGcStart : null);
      figures.put("serverHeapUsedMaxMiB", round(heapMax));
      figures.put("serverResidentMaxMiB", round(rssMax));
      figures.put("generatorCpuCores", round(ownCpuCores));
      figures.put("generatorGcMillis", ownGc);
      figures.put("cores", Runtime.getRuntime().availableProcessors());
      figures.put("loadAverageBefore", loadAverageBefore);
      figures.put("loadAverageAfter", loadAverage());
    } finally {
      all.forEach(LoadClient::stop);
      awaitClosed(all);
      sockets.close();
      timers.shutdownNow();
    }
    System.out.print(table(figures));
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), figures);
    }
    return 0;
  }

  /** Gives the closing handshakes a few seconds before the client threads go away. */
  private static void awaitClosed(List<LoadClient> all) {
    CompletableFuture<?>[] closes =
        all.stream().map(c -> c.protocol().closedFuture()).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(closes).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      System.err.println("load: some connections did not close in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void validate() {
    CommandLine cl = spec.commandLine();
    if (!"ws".equals(url.getScheme()) || url.getHost() == null) {
      throw new CommandLine.ParameterException(cl, "--url must be ws://HOST:PORT/PATH");
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
        if (!address.isLoopbackAddress()) {
          throw new CommandLine.ParameterException(cl,
              "--url must point at this machine (loopback); " + url.getHost() + " is "
                  + address.getHostAddress());
        }
      }
    } catch (UnknownHostException e) {
      throw new CommandLine.ParameterException(cl, "unknown host " + url.getHost());
    }
    if (clients < 1 || clients > MAX_CLIENTS) {
      throw new CommandLine.ParameterException(cl, "--clients must be 1.." + MAX_CLIENTS);
    }
    if (rooms < 1 || rooms > clients) {
      throw new CommandLine.ParameterException(cl, "--rooms must be 1..clients");
    }
    if (!(minutes > 0 && minutes <= MAX_MINUTES)) {
      throw new CommandLine.ParameterException(cl, "--minutes must be in (0, " + MAX_MINUTES + "]");
    }
    if (!(commandIntervalSeconds >= 1) || statusIntervalMillis < 100 || connectParallelism < 1
        || clientThreads < 1 || clientThreads > 64
        || !(warmupSeconds >= 0 && warmupSeconds <= 600)) {
      throw new CommandLine.ParameterException(cl,
          "--command-interval must be >= 1 s, --status-interval >= 100 ms, "
              + "--connect-parallelism >= 1, --client-threads 1..64, --warmup 0..600 s");
    }
    OptionalLong limit = openFileLimit();
    if (limit.isPresent() && limit.getAsLong() < clients + SPARE_DESCRIPTORS) {
      throw new CommandLine.ParameterException(cl,
          "this process may open only " + limit.getAsLong() + " files, too few for " + clients
              + " clients: raise the limit (ulimit -n " + (clients + SPARE_DESCRIPTORS)
              + " or more; the server needs as many)");
    }
  }

  /** The 1-, 5- and 15-minute load averages of this machine, from /proc/loadavg. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** CPU time this process has used, ns; the generator's own cost. */
  private static long ownCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** Time this process's collectors have taken so far, ms. */
  private static long ownGcMillis() {
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      millis += Math.max(0, collector.getCollectionTime());
    }
    return millis;
  }

  /** The soft limit on open files of this process, from /proc/self/limits. */
  static OptionalLong openFileLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
          return soft.equals("unlimited") ? OptionalLong.empty()
              : OptionalLong.of(Long.parseLong(soft));
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  private void connectAll(
      List<LoadClient> group, NettyWebSocketClients sockets, LoadStats stats, boolean owners)
      throws InterruptedException {
    ExecutorService connectors =
        Executors.newFixedThreadPool(connectParallelism, RoomServerThreads.daemon("load-connect"));
    AtomicInteger done = new AtomicInteger();
    try {
      for (LoadClient client : group) {
        connectors.execute(
            () -> {
              try {
                ScheduledExecutorService loop = sockets.connect(url, client.protocol());
                RoomSetup.hello(client.protocol(), "syncer-load/1");
                client.startTraffic(statusIntervalMillis, loop);
                if (owners) {
                  client.room().code = RoomSetup.create(client.protocol());
                } else if (client.room().code != null) {
                  RoomSetup.join(client.protocol(), client.room().code);
                } else {
                  stats.failure("room not created");
                }
              } catch (Exception e) {
                stats.failure("connect " + e.getClass().getSimpleName() + ": " + e.getMessage());
              }
              int count = done.incrementAndGet();
              if (count % 1000 == 0) {
                System.err.printf("load: %d %s connected%n", count, owners ? "owners" : "members");
              }
            });
      }
    } finally {
      connectors.shutdown();
      connectors.awaitTermination(30, TimeUnit.MINUTES);
    }
  }

  /** Each owner sends play, seek, seek, pause, play, seek, seek, pause... at a random phase. */
  private List<ScheduledFuture<?>> startOwners(
      List<LoadClient> owners, ScheduledExecutorService timers, LoadStats stats) {
    long intervalMillis = Math.round(commandIntervalSeconds * 1000);
    List<ScheduledFuture<?>> tasks = new ArrayList<>();
    for (LoadClient owner : owners) {
      AtomicInteger step = new AtomicInteger();
      tasks.add(
          timers.scheduleAtFixedRate(
              () -> {
                ClientMessage command =
                    switch (step.getAndIncrement() % 4) {
                      case 0 -> new Play();
                      case 3 -> new Pause();
                      default -> new Seek(ThreadLocalRandom.current().nextLong(MEDIA_DURATION_US));
                    };
                owner.room().commandSentNanos = System.nanoTime();
                stats.commandsSent.increment();
                owner.send(command);
              },
              ThreadLocalRandom.current().nextLong(intervalMillis),
              intervalMillis,
              TimeUnit.MILLISECONDS));
    }
    return tasks;
  }

  static String table(Map<String, Object> figures) {
    StringBuilder out = new StringBuilder("load results\n");
    figures.forEach(
        (name, value) -> out.append(String.format(Locale.ROOT, "  %-28s %s%n", name, value)));
    return out.toString();
  }

  private static double max(double current, double sample) {
    if (Double.isNaN(sample)) {
      return current;
    }
    return Double.isNaN(current) ? sample : Math.max(current, sample);
  }

  private static Double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : null;
  }
}
