package io.syncer.benchmarks.torrent;

import bt.torrent.PieceStatistics;
import bt.torrent.selector.PieceSelector;
import bt.torrent.selector.RarestFirstSelector;
import bt.torrent.selector.SequentialSelector;
import io.syncer.torrent.internal.FileSpan;
import io.syncer.torrent.internal.PieceSet;
import io.syncer.torrent.internal.StreamingPieceSelector;
import java.time.Duration;
import java.util.BitSet;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one piece decision: what bt does each time a peer's queue needs pieces (it takes the
 * first few pieces of the selector's stream that it can claim; 3 by default).
 *
 * <p>The torrent is a third downloaded (random pieces), the peer has everything, piece
 * availability is random (1..20 peers). The streaming selector has {@code playheads} readers
 * spread over the file; bt's selectors ignore playheads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PieceSelectorBenchmark {
  private static final long PIECE_LENGTH = 1 << 20;
  private static final int CLAIMED_PER_DECISION = 3;

  @Param({"1000", "10000", "100000"})
  public int pieces;

  @Param({"1", "4"})
  public int playheads;

  @Param({"streaming", "bt-sequential", "bt-rarest-first"})
  public String selector;

  private PieceSelector subject;
  private BitSet relevant;
  private PieceStatistics statistics;

  @Setup(Level.Trial)
  public void setUp() {
    Random random = new Random(42);
    PieceSet verified = new PieceSet(pieces);
    relevant = new BitSet(pieces);
    relevant.set(0, pieces);
    for (int piece = 0; piece < pieces; piece++) {
      if (random.nextInt(3) == 0) {
        verified.add(piece);
        relevant.clear(piece);
      }
    }
    int[] counts = new int[pieces];
    for (int piece = 0; piece < pieces; piece++) {
      counts[piece] = 1 + random.nextInt(20);
    }
    statistics = new PieceStatistics() {
      @Override
      public int getCount(int pieceIndex) {
        return counts[pieceIndex];
      }

      @Override
      public int getPiecesTotal() {
        return counts.length;
      }
    };
    subject = switch (selector) {
      case "streaming" -> streaming(verified, random);
      case "bt-sequential" -> SequentialSelector.sequential();
      case "bt-rarest-first" -> RarestFirstSelector.rarest();
      default -> throw new IllegalArgumentException(selector);
    };
  }

  private StreamingPieceSelector streaming(PieceSet verified, Random random) {
    StreamingPieceSelector streaming =
        new StreamingPieceSelector(Duration.ofSeconds(3), Duration.ofSeconds(30), 1_000_000);
    streaming.selectFile(new FileSpan(0, PIECE_LENGTH * pieces, PIECE_LENGTH, pieces), verified);
    for (int i = 0; i < playheads; i++) {
      streaming.addPlayhead((long) random.nextInt(pieces) * PIECE_LENGTH);
    }
    return streaming;
  }

  @Benchmark
  public int[] decision() {
    return subject.getNextPieces(relevant, statistics).limit(CLAIMED_PER_DECISION).toArray();
  }
}
