package io.syncer.torrent.internal;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size set of piece indices that many threads read and write without locks: bt's event
 * thread marks pieces verified while readers and the piece selector test them.
 */
public final class PieceSet {
  private final AtomicLongArray words;
  private final int size;

  public PieceSet(int size) {
    this.size = size;
    this.words = new AtomicLongArray((size + 63) >>> 6);
  }

  public int size() {
    return size;
  }

  public boolean contains(int piece) {
    return piece >= 0 && piece < size && (words.get(piece >>> 6) & (1L << piece)) != 0;
  }

  public void add(int piece) {
    if (piece < 0 || piece >= size) {
      return;
    }
    int word = piece >>> 6;
    long bit = 1L << piece;
    long current;
    do {
      current = words.get(word);
    } while ((current & bit) == 0 && !words.compareAndSet(word, current, current | bit));
  }

  public void addAll(BitSet pieces) {
    for (int piece = pieces.nextSetBit(0); piece >= 0 && piece < size;
        piece = pieces.nextSetBit(piece + 1)) {
      add(piece);
    }
  }

  /** Number of pieces in the set, counted now. */
  public int count() {
    int count = 0;
    for (int i = 0; i < words.length(); i++) {
      count += Long.bitCount(words.get(i));
    }
    return count;
  }
}
