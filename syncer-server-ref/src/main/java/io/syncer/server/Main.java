package io.syncer.server;

import io.syncer.core.library.MovieSharing;
import io.syncer.core.room.Authenticator;
import io.syncer.server.rest.RestApi;
import io.syncer.server.storage.ServerStorage;
import io.syncer.server.storage.StorageOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar syncer-server.jar [--host H] [--port P] [--data-dir DIR] [--db-url URL ...]}:
 * starts the reference server, prints one line with its HTTP and WebSocket URLs on standard
 * output (logs go to standard error), and runs until SIGTERM or Ctrl-C, which close every session,
 * the listener and then the database gracefully.
 *
 * <p>Storage is embedded H2 in the data directory unless a JDBC URL (PostgreSQL) is given by flag
 * or by the {@code SYNCER_DB_*} environment variables; the token signing key lives in the data
 * directory (created on first start) unless {@code SYNCER_JWT_KEY} gives one.
 */
@Command(
    name = "syncer-server",
    mixinStandardHelpOptions = true,
    version = "syncer-server 0.1.0",
    description = "Runs the Syncer reference server: rooms over WebSocket at /ws/v1, GET /health.")
public final class Main implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8470",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", defaultValue = "syncer-data", description = "Directory of the embedded database and the token signing key (default: ${DEFAULT-VALUE}).")
  Path dataDirectory;

  @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database instead of the embedded one (or env SYNCER_DB_URL).")
  String databaseUrl;

  @Option(names = "--db-user", description = "Database user (or env SYNCER_DB_USER).")
  String databaseUser;

  @Option(names = "--db-password", description = "Database password; prefer env SYNCER_DB_PASSWORD, which other local users cannot read from the process list.")
  String databasePassword;

  @Option(names = "--allow-guests", description = "Let people without an account create and join rooms under a display name (for demos and load tests).")
  boolean allowGuests;

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

  /** The storage options: flags first, then the {@code SYNCER_*} environment variables. */
  StorageOptions storageOptions() {
    StorageOptions env = StorageOptions.fromEnvironment(dataDirectory, System.getenv());
    return new StorageOptions(
        dataDirectory,
        databaseUrl != null ? databaseUrl : env.databaseUrl(),
        databaseUser != null ? databaseUser : env.databaseUser(),
        databasePassword != null ? databasePassword : env.databasePassword(),
        env.databaseSchema(),
        env.signingKeyBase64());
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = new PrintWriter(System.err, true);
    Clock clock = Clock.systemUTC();
    ServerStorage storage;
    try {
      storage = ServerStorage.open(storageOptions(), new BtTorrentInspector(), MovieSharing.none(), clock);
    } catch (RuntimeException cannotOpen) {
      // The message names the database or directory; details stay in the log, never a trace here.
      log.error("cannot open storage", cannotOpen);
      err.println("syncer-server: cannot open storage: " + cannotOpen.getMessage());
      return 1;
    }
    Authenticator accounts = storage.roomAuthenticator();
    Authenticator guests = Authenticator.anonymous();
    Authenticator authenticator = !allowGuests ? accounts
        : (token, name) -> (token.isPresent() ? accounts : guests).authenticate(token, name);
    SyncerServer server;
    try {
      server = configure(SyncerServer.builder())
          .authenticator(authenticator)
          .httpHandler(RestApi.CONTEXT_PATH,
              new RestApi(storage.accounts(), storage.library(), clock).httpHandler())
          .build().start();
    } catch (IOException cannotListen) {
      log.error("cannot listen on {}:{}: {}", host, port, cannotListen.getMessage());
      err.println("syncer-server: cannot listen on " + host + ":" + port + ": "
          + cannotListen.getMessage());
      storage.close();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  storage.close();
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
