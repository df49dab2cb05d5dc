package io.syncer.torrent.internal;

import bt.torrent.PieceStatistics;
import java.util.Arrays;

/**
 * The pieces of a file ordered by how many peers have them (rarest first), rebuilt continuously
 * in small steps so that no single piece decision pays for the whole torrent.
 *
 * <p>Each {@link #advance} call samples or places at most {@link #STEP} pieces of a counting sort
 * into a back buffer; when the back buffer is complete it replaces the front order. A full
 * rebuild of {@code n} pieces therefore takes about {@code 2n / STEP} decisions, and the order is
 * at most that many decisions stale. Pieces that no peer has, or that were verified when sampled,
 * are left out; users of the order still check each entry against the peer's current pieces.
 *
 * <p>Not thread-safe: the selector calls it under its own lock.
 */
final class RarityOrder {
  static final int STEP = 1024;
  /** Availability counts from this value up share one bucket; beyond it rarity hardly differs. */
  static final int BUCKETS = 64;

  private final int firstPiece;
  private final int pieceCount;
  private final PieceSet verified;

  private int[] front = new int[0];
  private int frontLength;

  private final byte[] sampledCounts;
  private final int[] bucketCursor = new int[BUCKETS];
  private int[] back;
  private int backLength;
  private boolean placing;
  private int cursor;

  RarityOrder(int firstPiece, int lastPiece, PieceSet verified) {
    this.firstPiece = firstPiece;
    this.pieceCount = lastPiece - firstPiece + 1;
    this.verified = verified;
    this.sampledCounts = new byte[pieceCount];
    this.back = new int[pieceCount];
  }

  /** Does one bounded step of the rebuild. */
  void advance(PieceStatistics statistics) {
    int end = Math.min(pieceCount, cursor + STEP);
    if (placing) {
      place(end);
    } else {
      sample(statistics, end);
    }
  }

  private void sample(PieceStatistics statistics, int end) {
    for (int i = cursor; i < end; i++) {
      int piece = firstPiece + i;
      int count = verified.contains(piece) ? 0 : Math.min(statistics.getCount(piece), BUCKETS - 1);
      sampledCounts[i] = (byte) count;
      bucketCursor[count]++;
    }
    cursor = end;
    if (cursor == pieceCount) {
      // Tallies become each bucket's first slot; count 0 (unobtainable or done) is left out.
      int next = 0;
      bucketCursor[0] = 0;
      for (int count = 1; count < BUCKETS; count++) {
        int size = bucketCursor[count];
        bucketCursor[count] = next;
        next += size;
      }
      backLength = next;
      placing = true;
      cursor = 0;
    }
  }

  private void place(int end) {
    for (int i = cursor; i < end; i++) {
      int count = sampledCounts[i];
      if (count > 0) {
        back[bucketCursor[count]++] = firstPiece + i;
      }
    }
    cursor = end;
    if (cursor == pieceCount) {
      int[] finished = back;
      back = front.length == pieceCount ? front : new int[pieceCount];
      front = finished;
      frontLength = backLength;
      Arrays.fill(bucketCursor, 0);
      placing = false;
      cursor = 0;
    }
  }

  /** Number of pieces in the current order. */
  int size() {
    return frontLength;
  }

  /** The piece at {@code rank} in the current order (0 = rarest). */
  int pieceAt(int rank) {
    return front[rank];
  }
}
