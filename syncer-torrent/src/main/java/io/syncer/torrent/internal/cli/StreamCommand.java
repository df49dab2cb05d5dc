package io.syncer.torrent.internal.cli;

import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.MagnetLink;
import io.syncer.torrent.OpenOptions;
import io.syncer.torrent.PeerAddress;
import io.syncer.torrent.StreamServer;
import io.syncer.torrent.StreamTimeoutException;
import io.syncer.torrent.StreamingTorrent;
import io.syncer.torrent.TorrentMetadata;
import io.syncer.torrent.TorrentStreamer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code syncer-stream}: streams a torrent to any media player over HTTP, like peerflix. Prints
 * the stream's URL on one line of standard output and serves until stopped (SIGTERM, Ctrl-C).
 * Logs go to standard error.
 */
@Command(
    name = "syncer-stream",
    mixinStandardHelpOptions = true,
    version = "syncer-stream 0.1.0",
    description = "Streams a torrent's video over HTTP on 127.0.0.1 while it downloads.%n"
        + "Prints the stream URL on one line, then serves until stopped.")
public final class StreamCommand implements Callable<Integer> {
  static {
    // Before the first logger exists: bt is chatty at info level, the user wants the URL.
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      System.setProperty("org.slf4j.simpleLogger.log.io.syncer", "info");
      // bt logs its acceptor's normal shutdown as an error with a stack trace.
      System.setProperty("org.slf4j.simpleLogger.log.bt.net.IncomingConnectionListener", "off");
    }
  }

  static final int EXIT_BAD_INPUT = 2;
  static final int EXIT_FAILED = 1;
  private static final long MAX_TORRENT_FILE = 8L * 1024 * 1024;

  @Parameters(index = "0", paramLabel = "<magnet|file.torrent>", description = "Magnet link or .torrent file.")
  String source;

  @Option(names = "--peer", paramLabel = "HOST:PORT", description = "Peer to connect to (repeatable).")
  List<String> peers = new ArrayList<>();

  @Option(names = "--no-dht", description = "Do not use the DHT to find peers.")
  boolean noDht;

  @Option(names = "--port", paramLabel = "PORT", description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}, any free port).")
  int httpPort;

  @Option(names = "--bt-port", paramLabel = "PORT", description = "BitTorrent listen port (default: ${DEFAULT-VALUE}, any free port).")
  int btPort;

  @Option(names = "--bt-address", paramLabel = "ADDRESS", description = "BitTorrent listen address (default: ${DEFAULT-VALUE}).")
  String btAddress = "0.0.0.0";

  @Option(names = "--dir", paramLabel = "DIR", description = "Download directory (default: ${DEFAULT-VALUE}).")
  Path directory = Path.of(System.getProperty("java.io.tmpdir"), "syncer-stream");

  @Option(names = "--file", paramLabel = "INDEX", description = "File to stream (default: the largest video).")
  Integer fileIndex;

  @Option(names = "--metadata-timeout", paramLabel = "SECONDS", description = "How long to wait for a magnet's metadata (default: ${DEFAULT-VALUE}).")
  int metadataTimeoutSeconds = 120;

  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private static final Logger LOG = LoggerFactory.getLogger(StreamCommand.class);

  public static void main(String[] args) {
    StreamCommand command = new StreamCommand();
    Runtime.getRuntime().addShutdownHook(new Thread(command::stopAndWait, "syncer-stream-shutdown"));
    System.exit(new CommandLine(command).execute(args));
  }

  /** Makes {@link #call()} return: closes the server and the torrent. */
  void stop() {
    stop.countDown();
  }

  /** On SIGTERM: the JVM halts when the hooks end, so wait until everything is closed. */
  private void stopAndWait() {
    stop();
    try {
      finished.await(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = new PrintWriter(System.out, true);
    return run(out, new PrintWriter(System.err, true));
  }

  int run(PrintWriter out, PrintWriter err) throws InterruptedException {
    try {
      return serve(out, err);
    } finally {
      finished.countDown();
    }
  }

  private int serve(PrintWriter out, PrintWriter err) throws InterruptedException {
    OpenOptions options = fileIndex == null ? OpenOptions.defaults() : OpenOptions.defaults().withFileIndex(fileIndex);
    List<PeerAddress> extraPeers = new ArrayList<>();
    InetAddress listenAddress;
    MagnetLink magnet = null;
    byte[] torrentFile = null;
    try {
      for (String peer : peers) {
        extraPeers.add(PeerAddress.parse(peer));
      }
      listenAddress = InetAddress.getByName(btAddress);
      // Input is checked before anything starts, so mistakes are reported at once.
      if (source.regionMatches(true, 0, "magnet:", 0, 7)) {
        magnet = MagnetLink.parse(source);
      } else {
        torrentFile = readTorrentFile(Path.of(source));
        TorrentMetadata.parse(torrentFile);
      }
    } catch (InvalidTorrentException e) {
      err.println("syncer-stream: invalid torrent: " + e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (NoSuchFileException e) {
      err.println("syncer-stream: no such file: " + e.getFile());
      return EXIT_BAD_INPUT;
    } catch (IllegalArgumentException | IOException e) {
      err.println("syncer-stream: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    try (TorrentStreamer streamer = TorrentStreamer.builder()
            .downloadDirectory(directory)
            .listenAddress(listenAddress)
            .listenPort(btPort)
            .dht(!noDht)
            .start();
        StreamServer server = StreamServer.start(httpPort)) {
      StreamingTorrent torrent =
          magnet != null ? streamer.open(magnet, options) : streamer.open(torrentFile, options);
      extraPeers.forEach(torrent::addPeer);
      TorrentMetadata metadata = awaitMetadataUnlessStopped(torrent);
      if (metadata == null) {
        return 0;
      }
      URI url = server.publish(torrent);
      LOG.info("streaming '{}' ({} bytes) of {}", torrent.file().displayPath(), torrent.file().length(), metadata.name());
      out.println(url);
      out.flush();
      stop.await();
      return 0;
    } catch (InvalidTorrentException e) {
      err.println("syncer-stream: invalid torrent: " + e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (StreamTimeoutException e) {
      err.println("syncer-stream: " + e.getMessage() + " (no peer sent it; try --peer)");
      return EXIT_FAILED;
    } catch (IllegalArgumentException e) {
      err.println("syncer-stream: " + e.getMessage());
      return EXIT_BAD_INPUT;
    } catch (IOException e) {
      err.println("syncer-stream: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  /** The metadata, or null if stopped first. */
  private TorrentMetadata awaitMetadataUnlessStopped(StreamingTorrent torrent)
      throws IOException, InvalidTorrentException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(metadataTimeoutSeconds);
    while (true) {
      try {
        return torrent.awaitMetadata(Duration.ofMillis(200));
      } catch (StreamTimeoutException e) {
        if (stop.getCount() == 0) {
          return null;
        }
        if (System.nanoTime() > deadline) {
          throw new StreamTimeoutException("no metadata within " + metadataTimeoutSeconds + " s");
        }
      }
    }
  }

  private static byte[] readTorrentFile(Path file) throws IOException, InvalidTorrentException {
    long size = Files.size(file);
    if (size > MAX_TORRENT_FILE) {
      throw new InvalidTorrentException("file is " + size + " bytes, too large for a .torrent");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return in.readAllBytes();
    }
  }
}
