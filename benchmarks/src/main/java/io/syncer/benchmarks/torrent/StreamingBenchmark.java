package io.syncer.benchmarks.torrent;

import static io.syncer.benchmarks.torrent.BenchmarkMovie.format;
import static io.syncer.benchmarks.torrent.BenchmarkMovie.seconds;

import io.syncer.torrent.MediaChannel;
import io.syncer.torrent.OpenOptions;
import io.syncer.torrent.PeerAddress;
import io.syncer.torrent.StreamingTorrent;
import io.syncer.torrent.TorrentStreamer;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming on 127.0.0.1 from a bandwidth-capped libtorrent seeder: time to the first byte and to
 * the first 2 MB, seek latency to 25/50/75 % of the file, and stalls while playing the first 20 s
 * at the media bitrate. Clients: ours ({@code TorrentStreamer}, 1 piece claimed per peer (the
 * default) and 3),
 * bt's stock {@code SequentialSelector}, and libtorrent streaming with set_piece_deadline. A
 * fresh seeder and download directory per measurement. Needs ffmpeg and python3-libtorrent
 * (scripts/test-setup.d/30-torrent-peers.sh). Run from the repository root:
 *
 * <pre>java -cp ... io.syncer.benchmarks.torrent.StreamingBenchmark [runs]</pre>
 */
public final class StreamingBenchmark {
  private static final int FIRST_BYTES = 2_000_000;
  private static final int PLAYBACK_SECONDS = 20;
  private static final int[] SEEK_PERCENTS = {25, 50, 75};

  private final BenchmarkMovie movie;

  private StreamingBenchmark(BenchmarkMovie movie) {
    this.movie = movie;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    new StreamingBenchmark(BenchmarkMovie.prepare()).run(runs);
  }

  private void run(int runs) throws Exception {
    System.out.println(movie.describe());
    for (int run = 1; run <= runs; run++) {
      for (int piecesPerPeer : new int[] {1, 3}) {
        String client = "syncer (" + piecesPerPeer + " piece" + (piecesPerPeer > 1 ? "s" : "") + " per peer)";
        report(run, client, syncer(run, piecesPerPeer));
        report(run, client, "playback " + syncerPlayback(run, piecesPerPeer));
      }
      report(run, "bt sequential", sequential(run));
      report(run, "bt sequential", "playback " + sequentialPlayback(run));
      report(run, "libtorrent", libtorrent("--seeks"));
      report(run, "libtorrent", "playback " + libtorrent(
          "--playback-seconds", Integer.toString(PLAYBACK_SECONDS),
          "--bytes-per-second", Long.toString(movie.bytesPerSecond)));
    }
  }

  private static void report(int run, String client, String result) {
    System.out.println("run " + run + " " + client + ": " + result + " (load " + BenchmarkMovie.loadAverage() + ")");
  }

  /** Time to first byte, to 2 MB, and seek latencies, in seconds. */
  private String syncer(int run, int piecesPerPeer) throws Exception {
    try (CappedSeeder seeder = new CappedSeeder(movie, true);
        TorrentStreamer streamer = streamer("syncer-" + piecesPerPeer + "-" + run, piecesPerPeer)) {
      long start = System.nanoTime();
      StreamingTorrent streamed = open(streamer, seeder);
      try (MediaChannel channel = streamed.openChannel()) {
        return timings(new SyncerMedia(streamed, channel), start);
      }
    }
  }

  private Playback.Result syncerPlayback(int run, int piecesPerPeer) throws Exception {
    try (CappedSeeder seeder = new CappedSeeder(movie, true);
        TorrentStreamer streamer = streamer("playback-" + piecesPerPeer + "-" + run, piecesPerPeer)) {
      StreamingTorrent streamed = open(streamer, seeder);
      try (MediaChannel channel = streamed.openChannel()) {
        SyncerMedia media = new SyncerMedia(streamed, channel);
        media.read(0, 1);
        return Playback.play(media, movie.length, movie.bytesPerSecond, PLAYBACK_SECONDS);
      }
    }
  }

  /** bt's stock sequential selector: a "seek" waits until the download reaches that piece. */
  private String sequential(int run) throws Exception {
    try (CappedSeeder seeder = new CappedSeeder(movie, true);
        StockSequentialClient client = StockSequentialClient.create(movie)) {
      long start = System.nanoTime();
      client.download(movie, movie.downloadDirectory("sequential-" + run), seeder.port);
      return timings(client, start);
    }
  }

  private Playback.Result sequentialPlayback(int run) throws Exception {
    try (CappedSeeder seeder = new CappedSeeder(movie, true);
        StockSequentialClient client = StockSequentialClient.create(movie)) {
      client.download(movie, movie.downloadDirectory("sequential-playback-" + run), seeder.port);
      client.read(0, 1);
      return Playback.play(client, movie.length, movie.bytesPerSecond, PLAYBACK_SECONDS);
    }
  }

  private String libtorrent(String... mode) throws Exception {
    try (CappedSeeder seeder = new CappedSeeder(movie, true)) {
      List<String> command = new ArrayList<>(List.of(BenchmarkMovie.PYTHON,
          "benchmarks/src/main/python/libtorrent_streamer.py",
          "--torrent", movie.torrentFile.toString(), "--peer-port", Integer.toString(seeder.port)));
      command.addAll(List.of(mode));
      return BenchmarkMovie.run(command).strip();
    }
  }

  /** Time to the first byte and to 2 MB since {@code start}, then seek latencies, in seconds. */
  private String timings(Playback.Media media, long start) throws Exception {
    media.read(0, 1);
    double firstByte = seconds(start);
    media.read(1, FIRST_BYTES);
    double first2mb = seconds(start);
    List<String> seeks = new ArrayList<>();
    for (int percent : SEEK_PERCENTS) {
      long asked = System.nanoTime();
      long position = movie.length * percent / 100;
      media.read(position, position + 1);
      seeks.add(percent + "%=" + format(seconds(asked)));
    }
    return "first byte " + format(firstByte) + " s, first 2 MB " + format(first2mb) + " s, seeks " + seeks;
  }

  private StreamingTorrent open(TorrentStreamer streamer, CappedSeeder seeder) throws Exception {
    StreamingTorrent streamed = streamer.open(movie.torrent,
        OpenOptions.defaults().withMediaDuration(Duration.ofSeconds(BenchmarkMovie.DURATION_SECONDS)));
    streamed.addPeer(new PeerAddress("127.0.0.1", seeder.port));
    return streamed;
  }

  private TorrentStreamer streamer(String name, int piecesPerPeer) throws IOException {
    return TorrentStreamer.builder()
        .downloadDirectory(movie.downloadDirectory(name))
        .listenAddress(InetAddress.getLoopbackAddress())
        .dht(false)
        .maxAssignedPiecesPerPeer(piecesPerPeer)
        .start();
  }
}
