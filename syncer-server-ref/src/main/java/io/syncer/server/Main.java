package io.syncer.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar syncer-server.jar [--host H] [--port P]}: starts the reference server, prints
 * one line with its HTTP and WebSocket URLs on standard output (logs go to standard error), and
 * runs until SIGTERM or Ctrl-C, which close every session and the listener gracefully.
 *
 * <p>Options that add features (storage, REST) configure the {@link SyncerServer.Builder} in
 * {@link #configure}.
 */
@Command(
    name = "syncer-server",
    mixinStandardHelpOptions = true,
    version = "syncer-server 0.1.0",
    description = "Runs the Syncer reference server: rooms over WebSocket at /ws/v1, GET /health.")
public final class Main implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8470", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  public static void main(String[] args) {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(new CommandLine(new Main()).execute(args));
  }

  /** Applies the command-line options to the server being built. */
  SyncerServer.Builder configure(SyncerServer.Builder builder) {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--port must be 0..65535, not " + port);
    }
    return builder.host(host).port(port);
  }

  @Override
  public Integer call() throws InterruptedException {
    SyncerServer server;
    try {
      server = configure(SyncerServer.builder()).build().start();
    } catch (IOException cannotListen) {
      log.error("cannot listen on {}:{}: {}", host, port, cannotListen.getMessage());
      PrintWriter err = new PrintWriter(System.err, true);
      err.println("syncer-server: cannot listen on " + host + ":" + port + ": "
          + cannotListen.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "syncer-shutdown"));
    System.out.println(
        "Syncer server listening on " + server.httpUri() + " " + server.webSocketUri());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
