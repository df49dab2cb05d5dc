package io.syncer.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import bt.torrent.PieceStatistics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StreamingPieceSelectorTest {
  private static final long PIECE = 256 * 1024;
  private static final int PIECES = 1000;

  /** 256 KiB/s: critical 2 s = 2 pieces past the playhead's piece, read-ahead 10 s = 10. */
  private final StreamingPieceSelector selector =
      new StreamingPieceSelector(Duration.ofSeconds(2), Duration.ofSeconds(10), PIECE);

  private final PieceSet verified = new PieceSet(PIECES);
  private final CountingStatistics statistics = new CountingStatistics(PIECES);

  StreamingPieceSelectorTest() {
    selector.selectFile(new FileSpan(0, PIECE * PIECES, PIECE, PIECES), verified);
  }

  @Test
  void criticalWindowThenHeadAndTailThenReadAheadThenTheRest() {
    selector.addPlayhead(500 * PIECE + 10);

    List<Integer> order = first(27, all());

    assertThat(order.subList(0, 3)).containsExactly(500, 501, 502);
    assertThat(order.subList(3, 7)).containsExactly(0, 1, 2, 3);
    assertThat(order.subList(7, 15)).containsExactly(992, 993, 994, 995, 996, 997, 998, 999);
    assertThat(order.subList(15, 23)).containsExactly(503, 504, 505, 506, 507, 508, 509, 510);
    assertThat(order.subList(23, 27)).doesNotContainAnyElementsOf(order.subList(0, 23));
  }

  @Test
  void piecesThePeerLacksOrWeVerifiedAreNeverOffered() {
    selector.addPlayhead(0);
    BitSet peerHas = all();
    peerHas.clear(0);
    verified.add(1);

    List<Integer> order = first(PIECES, peerHas);

    assertThat(order).doesNotContain(0, 1).hasSize(PIECES - 2).doesNotHaveDuplicates();
    assertThat(order.get(0)).isEqualTo(2);
  }

  @Test
  void aSeekMovesTheVeryNextDecisionToTheNewPlayhead() {
    Playhead playhead = selector.addPlayhead(0);
    assertThat(first(1, all())).containsExactly(0);

    playhead.moveTo(700 * PIECE);

    assertThat(first(3, all())).containsExactly(700, 701, 702);
  }

  @Test
  void severalPlayheadsShareTheCriticalWindowByDistanceNewestFirst() {
    selector.addPlayhead(100 * PIECE);
    selector.addPlayhead(300 * PIECE);

    assertThat(first(6, all())).containsExactly(300, 100, 301, 101, 302, 102);
  }

  @Test
  void withoutPlayheadsRarestPiecesComeRightAfterHeadAndTail() {
    for (int piece = 0; piece < PIECES; piece++) {
      statistics.counts[piece] = 5;
    }
    statistics.counts[400] = 1;
    statistics.counts[600] = 2;
    for (int i = 0; i < 3; i++) {
      first(1, all());
    }

    List<Integer> order = first(14, all());

    assertThat(order.subList(0, 12)).containsExactly(0, 1, 2, 3, 992, 993, 994, 995, 996, 997, 998, 999);
    assertThat(order.subList(12, 14)).containsExactly(400, 600);
  }

  @Test
  void aDecisionSamplesABoundedNumberOfPiecesWhateverTheTorrentSize() {
    int pieces = 200_000;
    StreamingPieceSelector large =
        new StreamingPieceSelector(Duration.ofSeconds(2), Duration.ofSeconds(30), PIECE);
    large.selectFile(new FileSpan(0, PIECE * pieces, PIECE, pieces), new PieceSet(pieces));
    large.addPlayhead(123_456 * PIECE);
    CountingStatistics counting = new CountingStatistics(pieces);
    BitSet everything = new BitSet(pieces);
    everything.set(0, pieces);

    for (int decision = 0; decision < 500; decision++) {
      counting.calls = 0;
      int[] picked = large.getNextPieces(everything, counting).limit(3).toArray();
      assertThat(picked).containsExactly(123_456, 123_457, 123_458);
      assertThat(counting.calls).isLessThanOrEqualTo(RarityOrder.STEP);
    }
  }

  @Property(tries = 200)
  void everyWantedPieceIsOfferedExactlyOnceAndTheCriticalWindowLeads(
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = PIECES - 1) Integer> playheadPieces,
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = PIECES - 1) Integer> missing,
      @ForAll @Size(max = 100) List<@IntRange(min = 0, max = PIECES - 1) Integer> done) {
    StreamingPieceSelector fresh =
        new StreamingPieceSelector(Duration.ofSeconds(2), Duration.ofSeconds(10), PIECE);
    PieceSet verifiedPieces = new PieceSet(PIECES);
    done.forEach(verifiedPieces::add);
    fresh.selectFile(new FileSpan(0, PIECE * PIECES, PIECE, PIECES), verifiedPieces);
    playheadPieces.forEach(piece -> fresh.addPlayhead(piece * PIECE));
    BitSet peerHas = all();
    missing.forEach(peerHas::clear);

    int[] offered = fresh.getNextPieces((BitSet) peerHas.clone(), statistics).toArray();

    List<Integer> wanted = new ArrayList<>();
    peerHas.stream().filter(p -> !verifiedPieces.contains(p)).forEach(wanted::add);
    assertThat(IntStream.of(offered).boxed().toList()).containsExactlyInAnyOrderElementsOf(wanted);
    if (!playheadPieces.isEmpty()) {
      int newest = playheadPieces.get(playheadPieces.size() - 1);
      if (wanted.contains(newest)) {
        assertThat(offered[0]).isEqualTo(newest);
      }
    }
  }

  private List<Integer> first(int count, BitSet relevant) {
    return selector.getNextPieces(relevant, statistics).limit(count).boxed().toList();
  }

  private static BitSet all() {
    BitSet bits = new BitSet(PIECES);
    bits.set(0, PIECES);
    return bits;
  }

  private static final class CountingStatistics implements PieceStatistics {
    final int[] counts;
    int calls;

    CountingStatistics(int pieces) {
      counts = new int[pieces];
      java.util.Arrays.fill(counts, 1);
    }

    @Override
    public int getCount(int pieceIndex) {
      calls++;
      return counts[pieceIndex];
    }

    @Override
    public int getPiecesTotal() {
      return counts.length;
    }
  }
}
