package io.syncer.torrent.internal;

import bt.torrent.PieceStatistics;
import bt.torrent.selector.PieceSelector;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * bt piece selector for streaming: pieces are wanted in order of their deadline at the readers'
 * playheads.
 *
 * <p>Order of the pieces offered to a peer (each only if the peer has it and it is not verified):
 *
 * <ol>
 *   <li>the critical window of every playhead (the next {@code critical} seconds at the media
 *       bitrate), merged across playheads by distance from each playhead;
 *   <li>the file's head and tail pieces (container indexes: a non-faststart MP4 keeps its
 *       {@code moov} at the end and players read it before the first frame);
 *   <li>the read-ahead window of every playhead, merged the same way;
 *   <li>the rest of the file, rarest first (keeps the swarm healthy);
 *   <li>anything else the peer has, so that no piece is ever left out.
 * </ol>
 *
 * <p>The stream is lazy and bt stops after the few pieces it can claim, so a decision examines
 * the bounded windows (at most {@link #MAX_WINDOW_PIECES} per playhead, at most {@link
 * #MAX_PLAYHEADS} playheads), one bounded step of the incremental {@link RarityOrder} rebuild and
 * at most {@link #RAREST_SCAN_LIMIT} entries of the rarity order: its cost does not grow with the
 * torrent. Playhead positions are volatile and read on every decision, so after a seek the very
 * next decision works for the new position.
 *
 * <p>Thread-safety: safe for concurrent use. Playheads and the bitrate may change from any
 * thread; decisions are serialized on this selector.
 */
public final class StreamingPieceSelector implements PieceSelector {
  static final int MAX_WINDOW_PIECES = 512;
  static final int MAX_PLAYHEADS = 8;
  static final int RAREST_SCAN_LIMIT = 4096;

  /** Bytes of the file's head fetched early. */
  static final long HEAD_BYTES = 1024 * 1024;
  /** Bytes of the file's tail fetched early: at least this, or 1/200 of the file if larger. */
  static final long MIN_TAIL_BYTES = 2 * 1024 * 1024;

  private final Duration critical;
  private final Duration readAhead;
  private final CopyOnWriteArrayList<Playhead> playheads = new CopyOnWriteArrayList<>();
  private volatile long bytesPerSecond;
  private volatile Target target;
  private int fallbackCursor;

  /** What is being streamed, once known. */
  private record Target(FileSpan span, PieceSet verified, RarityOrder rarity) {}

  public StreamingPieceSelector(Duration critical, Duration readAhead, long bytesPerSecond) {
    if (critical.isNegative() || readAhead.compareTo(critical) < 0 || bytesPerSecond <= 0) {
      throw new IllegalArgumentException("need 0 <= critical <= readAhead and a positive bitrate");
    }
    this.critical = critical;
    this.readAhead = readAhead;
    this.bytesPerSecond = bytesPerSecond;
  }

  /** Starts streaming {@code span}; {@code verified} is kept up to date by the caller. */
  public void selectFile(FileSpan span, PieceSet verified) {
    target = new Target(span, verified, new RarityOrder(span.firstPiece(), span.lastPiece(), verified));
  }

  public Playhead addPlayhead(long position) {
    Playhead playhead = new Playhead(position);
    playheads.add(playhead);
    return playhead;
  }

  public void removePlayhead(Playhead playhead) {
    playheads.remove(playhead);
  }

  public List<Playhead> playheads() {
    return List.copyOf(playheads);
  }

  public void setBytesPerSecond(long newBytesPerSecond) {
    if (newBytesPerSecond <= 0) {
      throw new IllegalArgumentException("bitrate must be positive");
    }
    bytesPerSecond = newBytesPerSecond;
  }

  public long bytesPerSecond() {
    return bytesPerSecond;
  }

  /** Bytes ahead of a playhead that are due within the critical window. */
  public long criticalBytes() {
    return windowBytes(critical);
  }

  @Override
  public IntStream getNextPieces(BitSet relevantChunks, PieceStatistics pieceStatistics) {
    Target current = target;
    if (current == null) {
      return relevantChunks.stream();
    }
    synchronized (this) {
      current.rarity().advance(pieceStatistics);
      Picker picker = new Picker(current, relevantChunks, windows(current.span()), fallbackCursor);
      fallbackCursor = (fallbackCursor + 1) % current.span().pieceCount();
      return StreamSupport.intStream(
          Spliterators.spliteratorUnknownSize(picker, Spliterator.ORDERED | Spliterator.NONNULL),
          false);
    }
  }

  private long windowBytes(Duration window) {
    long millis = window.toMillis();
    long rate = bytesPerSecond;
    return millis > Long.MAX_VALUE / rate ? Long.MAX_VALUE : rate * millis / 1000;
  }

  /** Piece ranges of every window, computed once per decision from the current playheads. */
  private Windows windows(FileSpan span) {
    Object[] heads = playheads.toArray();
    int count = Math.min(heads.length, MAX_PLAYHEADS);
    int[] start = new int[count];
    int[] criticalEnd = new int[count];
    int[] readAheadEnd = new int[count];
    long criticalBytes = windowBytes(critical);
    long readAheadBytes = windowBytes(readAhead);
    for (int i = 0; i < count; i++) {
      // The newest playheads are at the end of the list: they matter most after a seek.
      long position = ((Playhead) heads[heads.length - 1 - i]).position();
      start[i] = span.pieceAt(position);
      int cap = start[i] + MAX_WINDOW_PIECES - 1;
      criticalEnd[i] = Math.min(cap, span.pieceAt(saturatedAdd(position, criticalBytes)));
      readAheadEnd[i] = Math.min(cap, span.pieceAt(saturatedAdd(position, readAheadBytes)));
    }
    int headEnd = span.pieceAt(HEAD_BYTES - 1);
    long tailBytes = Math.max(MIN_TAIL_BYTES, span.fileLength() / 200);
    int tailStart =
        Math.max(span.pieceAt(span.fileLength() - tailBytes), span.lastPiece() - MAX_WINDOW_PIECES + 1);
    return new Windows(start, criticalEnd, readAheadEnd, span.firstPiece(), headEnd, tailStart,
        span.lastPiece());
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }

  private record Windows(
      int[] start,
      int[] criticalEnd,
      int[] readAheadEnd,
      int headStart,
      int headEnd,
      int tailStart,
      int tailEnd) {}

  /** Walks the phases lazily; bt consumes only as many pieces as it can claim. */
  private static final class Picker implements PrimitiveIterator.OfInt {
    private enum Phase { CRITICAL, EDGES, READ_AHEAD, RAREST, REST, DONE }

    private final Target target;
    private final BitSet relevant;
    private final Windows windows;
    private final Set<Integer> offered = new HashSet<>();
    private final int[] cursor;
    private Phase phase = Phase.CRITICAL;
    private int edgeCursor;
    private int rarestRank;
    private final int restStart;
    private int restCursor;
    private boolean restWrapped;
    private int next = -1;

    Picker(Target target, BitSet relevant, Windows windows, int restStart) {
      this.target = target;
      this.relevant = relevant;
      this.windows = windows;
      this.cursor = windows.start().clone();
      this.edgeCursor = windows.headStart();
      this.restStart = restStart;
      this.restCursor = restStart;
    }

    @Override
    public boolean hasNext() {
      while (next < 0 && phase != Phase.DONE) {
        next = advance();
      }
      return next >= 0;
    }

    @Override
    public int nextInt() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int piece = next;
      next = -1;
      return piece;
    }

    /** One step of the current phase: a piece to offer, or -1 to keep going. */
    private int advance() {
      switch (phase) {
        case CRITICAL -> {
          return fromWindows(windows.criticalEnd(), Phase.EDGES);
        }
        case EDGES -> {
          return fromEdges();
        }
        case READ_AHEAD -> {
          return fromWindows(windows.readAheadEnd(), Phase.RAREST);
        }
        case RAREST -> {
          return fromRarity();
        }
        case REST -> {
          return fromRest();
        }
        default -> {
          return -1;
        }
      }
    }

    /**
     * The wanted piece closest to its playhead over all windows, or -1; when every window is
     * exhausted moves to {@code then}.
     */
    private int fromWindows(int[] end, Phase then) {
      int best = -1;
      long bestDistance = Long.MAX_VALUE;
      for (int i = 0; i < cursor.length; i++) {
        int candidate = cursor[i] <= end[i] ? relevant.nextSetBit(cursor[i]) : -1;
        if (candidate < 0 || candidate > end[i]) {
          cursor[i] = end[i] + 1;
          continue;
        }
        cursor[i] = candidate;
        long distance = candidate - windows.start()[i];
        if (distance < bestDistance) {
          bestDistance = distance;
          best = i;
        }
      }
      if (best < 0) {
        phase = then;
        return -1;
      }
      int piece = cursor[best]++;
      return offer(piece);
    }

    private int fromEdges() {
      int piece = edgeCursor;
      if (piece > windows.tailEnd()) {
        phase = Phase.READ_AHEAD;
        System.arraycopy(windows.criticalEnd(), 0, cursor, 0, cursor.length);
        for (int i = 0; i < cursor.length; i++) {
          cursor[i]++;
        }
        return -1;
      }
      edgeCursor = piece == windows.headEnd() && windows.tailStart() > piece
          ? windows.tailStart()
          : piece + 1;
      return relevant.get(piece) ? offer(piece) : -1;
    }

    private int fromRarity() {
      RarityOrder rarity = target.rarity();
      int limit = Math.min(rarity.size(), RAREST_SCAN_LIMIT);
      if (rarestRank >= limit) {
        phase = Phase.REST;
        return -1;
      }
      int piece = rarity.pieceAt(rarestRank++);
      return relevant.get(piece) ? offer(piece) : -1;
    }

    /** Every other piece the peer has, starting at a cursor that moves between decisions. */
    private int fromRest() {
      int piece = relevant.nextSetBit(restCursor);
      if (piece < 0 || (restWrapped && piece >= restStart)) {
        if (restWrapped || restStart == 0) {
          phase = Phase.DONE;
          return -1;
        }
        restWrapped = true;
        restCursor = 0;
        return -1;
      }
      restCursor = piece + 1;
      return offer(piece);
    }

    private int offer(int piece) {
      return !target.verified().contains(piece) && offered.add(piece) ? piece : -1;
    }
  }
}
