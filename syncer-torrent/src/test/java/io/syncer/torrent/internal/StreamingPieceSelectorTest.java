package io.syncer.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  private long now;
  private final StreamingPieceSelector selector = new StreamingPieceSelector(
      Duration.ofSeconds(2), Duration.ofSeconds(10), PIECE, Duration.ofSeconds(4), () -> now);

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

  @Test
  void inARoomTheOwnShareComesFirstAndOtherSharesLast() {
    selector.shareWithRoom(1, 4);
    selector.addPlayhead(500 * PIECE + 10);

    List<Integer> order = first(PIECES, all());

    assertThat(order).hasSize(PIECES).doesNotHaveDuplicates();
    assertThat(order.subList(0, 6)).containsExactly(501, 1, 993, 997, 505, 509);
    assertThat(order.subList(0, 250)).allMatch(piece -> piece % 4 == 1);
    assertThat(order.subList(250, 267)).containsExactly(
        500, 502, 0, 2, 3, 992, 994, 995, 996, 998, 999, 503, 504, 506, 507, 508, 510);
  }

  @Test
  void anotherSharesPieceDueForThePatienceIsWantedFromAnyone() {
    selector.shareWithRoom(1, 4);
    selector.addPlayhead(500 * PIECE + 10);
    assertThat(first(1, all())).containsExactly(501);

    now += Duration.ofMillis(3999).toNanos();
    assertThat(first(1, all())).containsExactly(501);
    now += Duration.ofMillis(1).toNanos();

    assertThat(first(3, all())).containsExactly(500, 501, 502);
  }

  @Test
  void thePatienceStartsAgainForAPieceThatLeftTheCriticalWindow() {
    selector.shareWithRoom(1, 4);
    Playhead playhead = selector.addPlayhead(500 * PIECE);
    first(1, all());
    playhead.moveTo(100 * PIECE);
    first(1, all());
    now += Duration.ofSeconds(4).toNanos();
    playhead.moveTo(500 * PIECE);

    assertThat(first(1, all())).containsExactly(501);
  }

  @Test
  void aConnectionToAnotherMemberOffersThatMembersShare() {
    selector.shareWithRoom(1, 4);
    selector.addPlayhead(500 * PIECE);
    BitSet secondMemberHas = new BitSet(PIECES);
    for (int piece = 2; piece < PIECES; piece += 4) {
      secondMemberHas.set(piece);
    }

    assertThat(first(6, secondMemberHas)).containsExactly(502, 2, 994, 998, 506, 510);
    assertThat(first(1, all())).containsExactly(501);
  }

  @Test
  void aRoomOfOneSharesNothing() {
    selector.shareWithRoom(1, 4);
    selector.shareWithRoom(0, 1);
    selector.addPlayhead(500 * PIECE);

    assertThat(first(8, all())).containsExactly(500, 501, 502, 0, 1, 2, 3, 992);
  }

  @Test
  void aPositionOutsideTheRoomIsRejected() {
    assertThatThrownBy(() -> selector.shareWithRoom(4, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> selector.shareWithRoom(-1, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> selector.shareWithRoom(0, -2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void everyWantedPieceIsOfferedExactlyOnceAndTheCriticalWindowLeads(
      @ForAll @Size(max = 4) List<@IntRange(min = 0, max = PIECES - 1) Integer> playheadPieces,
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = PIECES - 1) Integer> missing,
      @ForAll @Size(max = 100) List<@IntRange(min = 0, max = PIECES - 1) Integer> done,
      @ForAll @IntRange(min = 0, max = 9) int roomSize,
      @ForAll @IntRange(min = 0, max = 8) int position) {
    StreamingPieceSelector fresh =
        new StreamingPieceSelector(Duration.ofSeconds(2), Duration.ofSeconds(10), PIECE);
    fresh.shareWithRoom(roomSize == 0 ? 0 : position % roomSize, roomSize);
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
      boolean ownShare = roomSize <= 1 || newest % roomSize == position % roomSize;
      if (wanted.contains(newest) && ownShare) {
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
