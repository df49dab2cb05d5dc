package io.syncer.benchmarks.torrent;

import static io.syncer.benchmarks.torrent.BenchmarkMovie.format;
import static io.syncer.benchmarks.torrent.BenchmarkMovie.seconds;

import io.syncer.torrent.MediaChannel;
import io.syncer.torrent.OpenOptions;
import io.syncer.torrent.PeerAddress;
import io.syncer.torrent.StreamingTorrent;
import io.syncer.torrent.TorrentStreamer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A room of 4 members starting the same movie at the same moment from one libtorrent seeder on
 * 127.0.0.1 capped at twice the media bitrate: how many bytes the seeder uploads per byte of the
 * file, with the room swarm (every member is given the others' listen addresses and its share of
 * the pieces, as the player does from the room's peer messages) and without (every member knows only the seeder). The seeder's peer exchange is off in
 * both cases, so that without the room swarm members cannot find each other through it. For
 * each member: time to the first byte, to the first 2 MB and to the whole file, and stalls while
 * playing the whole movie at the media bitrate. Needs ffmpeg and python3-libtorrent. Run from the
 * repository root:
 *
 * <pre>java -cp ... io.syncer.benchmarks.torrent.RoomSwarmBenchmark [runs] [with|without|both]</pre>
 */
public final class RoomSwarmBenchmark {
  private static final int MEMBERS = 4;
  private static final long FIRST_BYTES = 2_000_000;
  private static final long POLL_MILLIS = 20;
  private static final long ROOM_TIMEOUT_SECONDS = 600;

  private final BenchmarkMovie movie;

  private RoomSwarmBenchmark(BenchmarkMovie movie) {
    this.movie = movie;
  }

  /** Arguments: number of runs (default 3), then {@code with}, {@code without} or both (default). */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    String cases = args.length > 1 ? args[1] : "both";
    boolean[] roomSwarm = switch (cases) {
      case "with" -> new boolean[] {true};
      case "without" -> new boolean[] {false};
      case "both" -> new boolean[] {false, true};
      default -> throw new IllegalArgumentException("second argument: with, without or both");
    };
    new RoomSwarmBenchmark(BenchmarkMovie.prepare()).run(runs, roomSwarm);
  }

  private void run(int runs, boolean[] cases) throws Exception {
    System.out.println(movie.describe() + ", " + MEMBERS + " members");
    for (int run = 1; run <= runs; run++) {
      for (boolean roomSwarm : cases) {
        String loadBefore = BenchmarkMovie.loadAverage();
        String result = room(run, roomSwarm);
        System.out.println("run " + run + (roomSwarm ? " with" : " without") + " room swarm: " + result
            + " (load " + loadBefore + " -> " + BenchmarkMovie.loadAverage() + ")");
      }
    }
  }

  /** What one member saw; times in seconds since the room started, -1 until it happened. */
  private static final class Member {
    final TorrentStreamer streamer;
    volatile StreamingTorrent torrent;
    volatile double firstByte = -1;
    volatile double first2mb = -1;
    volatile double wholeFile = -1;
    volatile int maxPeers;
    volatile Playback.Result playback;

    Member(TorrentStreamer streamer) {
      this.streamer = streamer;
    }

    @Override
    public String toString() {
      return "first byte " + format(firstByte) + " s, 2 MB " + format(first2mb) + " s, whole file "
          + format(wholeFile) + " s, " + playback + ", at most " + maxPeers + " peers, uploaded "
          + (torrent == null ? 0 : torrent.status().uploadedBytes()) + " bytes to them";
    }
  }

  private String room(int run, boolean roomSwarm) throws Exception {
    List<Member> members = new ArrayList<>();
    ExecutorService players = Executors.newFixedThreadPool(MEMBERS);
    ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor();
    try (CappedSeeder seeder = new CappedSeeder(movie, false)) {
      for (int i = 0; i < MEMBERS; i++) {
        members.add(new Member(TorrentStreamer.builder()
            .downloadDirectory(movie.downloadDirectory("room-" + run + "-" + i))
            .listenAddress(InetAddress.getLoopbackAddress())
            .dht(false)
            .start()));
      }
      long start = System.nanoTime();
      monitor.scheduleAtFixedRate(() -> members.forEach(m -> observe(m, start)),
          POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
      List<Future<?>> playing = new ArrayList<>();
      for (Member member : members) {
        playing.add(players.submit(() -> {
          play(member, members, seeder, roomSwarm, start);
          return null;
        }));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROOM_TIMEOUT_SECONDS);
      for (Future<?> future : playing) {
        future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
      while (members.stream().anyMatch(m -> m.wholeFile < 0)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("room did not finish within " + ROOM_TIMEOUT_SECONDS + " s");
        }
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      }
      long uploaded = seeder.uploadedBytes();
      StringBuilder result = new StringBuilder(String.format(
          "seeder uploaded %d bytes = %.2f x the file, %.2f per member", uploaded,
          uploaded / (double) movie.length, uploaded / (double) movie.length / MEMBERS));
      for (int i = 0; i < members.size(); i++) {
        result.append(System.lineSeparator()).append("  member ").append(i + 1).append(": ").append(members.get(i));
      }
      return result.toString();
    } finally {
      monitor.shutdownNow();
      players.shutdownNow();
      members.forEach(m -> m.streamer.close());
      monitor.awaitTermination(10, TimeUnit.SECONDS);
      players.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private void play(Member member, List<Member> members, CappedSeeder seeder, boolean roomSwarm, long start)
      throws Exception {
    StreamingTorrent torrent = member.streamer.open(movie.torrent,
        OpenOptions.defaults().withMediaDuration(Duration.ofSeconds(BenchmarkMovie.DURATION_SECONDS)));
    member.torrent = torrent;
    torrent.addPeer(new PeerAddress("127.0.0.1", seeder.port));
    if (roomSwarm) {
      torrent.shareWithRoom(members.indexOf(member), members.size());
      for (Member other : members) {
        if (other != member) {
          InetSocketAddress address = other.streamer.listenAddress();
          torrent.addPeer(new PeerAddress(address.getAddress().getHostAddress(), address.getPort()));
        }
      }
    }
    try (MediaChannel channel = torrent.openChannel()) {
      SyncerMedia media = new SyncerMedia(torrent, channel);
      media.read(0, 1);
      member.firstByte = seconds(start);
      member.playback = Playback.play(media, movie.length, movie.bytesPerSecond, BenchmarkMovie.DURATION_SECONDS);
    }
  }

  private void observe(Member member, long start) {
    StreamingTorrent torrent = member.torrent;
    if (torrent == null) {
      return;
    }
    var status = torrent.status();
    member.maxPeers = Math.max(member.maxPeers, status.peers());
    if (member.first2mb < 0 && torrent.bufferedAhead(0) >= FIRST_BYTES) {
      member.first2mb = seconds(start);
    }
    if (member.wholeFile < 0 && status.pieceCount() > 0 && status.piecesVerified() == status.pieceCount()) {
      member.wholeFile = seconds(start);
    }
  }
}
