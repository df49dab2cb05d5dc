package io.syncer.torrent.internal;

import bt.torrent.PieceStatistics;
import bt.torrent.selector.PieceSelector;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
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
 * <p>In a room ({@link #shareWithRoom}) every member streams the same file at nearly the same
 * position, so without coordination each would ask the outside swarm for the same pieces in the
 * same order and the seeder would upload the file once per member. Instead each member walks
 * the phases first for its own share of the pieces (index modulo the room size equal to its
 * position in the room), then again for all pieces. A connection to the outside swarm, which
 * has every piece, is thus given the member's own share first, while a connection to another
 * member offers only what that member has: its share. A piece of another member's share that
 * has been in the critical window for {@link #DEFAULT_SHARE_PATIENCE} is wanted from anyone: its
 * owner may have left or be slow, and a late piece is a stall. Patience rather than urgency alone,
 * because members that stall together would otherwise all ask the outside swarm for the piece
 * they wait for, which is the same piece.
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
  /** Pieces of other members' shares the own-share pass of phase 5 may skip per decision. */
  static final int SHARE_SKIP_LIMIT = 4096;
  /** How long a piece of another member's share may be due before it is fetched from anyone. */
  public static final Duration DEFAULT_SHARE_PATIENCE = Duration.ofSeconds(4);

  /** Bytes of the file's head fetched early. */
  static final long HEAD_BYTES = 1024 * 1024;
  /** Bytes of the file's tail fetched early: at least this, or 1/200 of the file if larger. */
  static final long MIN_TAIL_BYTES = 2 * 1024 * 1024;

  private final Duration critical;
  private final Duration readAhead;
  private final long sharePatienceNanos;
  private final LongSupplier nanoTime;
  /** When each piece of another member's share was first seen in a critical window. */
  private final Map<Integer, Long> dueSince = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Playhead> playheads = new CopyOnWriteArrayList<>();
  private volatile long bytesPerSecond;
  private volatile Share share;
  private volatile Target target;
  private int fallbackCursor;

  /** The pieces this member fetches first in a room: index modulo {@code members} = position. */
  private record Share(int position, int members) {
    boolean owns(int piece) {
      return piece % members == position;
    }
  }

  /** What is being streamed, once known. */
  private record Target(FileSpan span, PieceSet verified, RarityOrder rarity) {}

  public StreamingPieceSelector(Duration critical, Duration readAhead, long bytesPerSecond) {
    this(critical, readAhead, bytesPerSecond, DEFAULT_SHARE_PATIENCE, System::nanoTime);
  }

  /** As above, with the patience for other members' shares and the clock it is measured on. */
  public StreamingPieceSelector(Duration critical, Duration readAhead, long bytesPerSecond,
      Duration sharePatience, LongSupplier nanoTime) {
    if (critical.isNegative() || readAhead.compareTo(critical) < 0 || bytesPerSecond <= 0
        || sharePatience.isNegative()) {
      throw new IllegalArgumentException(
          "need 0 <= critical <= readAhead, a positive bitrate and a patience >= 0");
    }
    this.critical = critical;
    this.readAhead = readAhead;
    this.bytesPerSecond = bytesPerSecond;
    this.sharePatienceNanos = sharePatience.toNanos();
    this.nanoTime = nanoTime;
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

  /**
   * Makes this member fetch its share of the pieces first: those whose index modulo {@code
   * members} equals {@code position}. One member (or zero) means no sharing.
   *
   * @throws IllegalArgumentException unless {@code 0 <= position < members}, or members is 0
   */
  public void shareWithRoom(int position, int members) {
    if (members < 0 || (members > 0 && (position < 0 || position >= members))) {
      throw new IllegalArgumentException(
          "need 0 <= position < members, got position " + position + " of " + members);
    }
    share = members > 1 ? new Share(position, members) : null;
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
      Windows windows = windows(current.span());
      Share currentShare = share;
      if (currentShare == null) {
        dueSince.clear();
      } else {
        noteDuePieces(current, windows, currentShare);
      }
      Picker picker = new Picker(current, relevantChunks, windows, fallbackCursor, currentShare,
          this::overdue);
      fallbackCursor = (fallbackCursor + 1) % current.span().pieceCount();
      return StreamSupport.intStream(
          Spliterators.spliteratorUnknownSize(picker, Spliterator.ORDERED | Spliterator.NONNULL),
          false);
    }
  }

  /** Keeps {@link #dueSince} to the other shares' pieces now in a critical window. */
  private void noteDuePieces(Target current, Windows windows, Share currentShare) {
    dueSince.keySet().removeIf(piece -> current.verified().contains(piece) || !windows.critical(piece));
    long now = nanoTime.getAsLong();
    for (int i = 0; i < windows.start().length; i++) {
      for (int piece = windows.start()[i]; piece <= windows.criticalEnd()[i]; piece++) {
        if (!currentShare.owns(piece) && !current.verified().contains(piece)) {
          dueSince.putIfAbsent(piece, now);
        }
      }
    }
  }

  /** Whether a piece of another share has been due long enough to fetch it from anyone. */
  private boolean overdue(int piece) {
    Long since = dueSince.get(piece);
    return since != null && nanoTime.getAsLong() - since >= sharePatienceNanos;
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
      int tailEnd) {
    boolean critical(int piece) {
      for (int i = 0; i < start.length; i++) {
        if (piece >= start[i] && piece <= criticalEnd[i]) {
          return true;
        }
      }
      return false;
    }
  }

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
    /** Set during the own-share pass, null during the pass over every piece. */
    private Share ownShare;
    private int shareSkips;
    private final IntPredicate overdue;

    Picker(Target target, BitSet relevant, Windows windows, int restStart, Share share,
        IntPredicate overdue) {
      this.target = target;
      this.relevant = relevant;
      this.windows = windows;
      this.cursor = windows.start().clone();
      this.edgeCursor = windows.headStart();
      this.restStart = restStart;
      this.restCursor = restStart;
      this.ownShare = share;
      this.overdue = overdue;
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
        while (candidate >= 0 && candidate <= end[i] && !wantedNow(candidate)) {
          candidate = relevant.nextSetBit(candidate + 1);
        }
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
      return relevant.get(piece) && inPass(piece) ? offer(piece) : -1;
    }

    private int fromRarity() {
      RarityOrder rarity = target.rarity();
      int limit = Math.min(rarity.size(), RAREST_SCAN_LIMIT);
      if (rarestRank >= limit) {
        phase = Phase.REST;
        return -1;
      }
      int piece = rarity.pieceAt(rarestRank++);
      return relevant.get(piece) && inPass(piece) ? offer(piece) : -1;
    }

    /** Every other piece the peer has, starting at a cursor that moves between decisions. */
    private int fromRest() {
      int piece = relevant.nextSetBit(restCursor);
      if (piece < 0 || (restWrapped && piece >= restStart)) {
        if (restWrapped || restStart == 0) {
          endPass();
          return -1;
        }
        restWrapped = true;
        restCursor = 0;
        return -1;
      }
      restCursor = piece + 1;
      if (inPass(piece)) {
        return offer(piece);
      }
      if (++shareSkips > SHARE_SKIP_LIMIT) {
        endPass();
      }
      return -1;
    }

    private boolean inPass(int piece) {
      return ownShare == null || ownShare.owns(piece);
    }

    private boolean wantedNow(int piece) {
      return inPass(piece) || (phase == Phase.CRITICAL && overdue.test(piece));
    }

    /** After the own-share pass, walks every phase again for every piece; else stops. */
    private void endPass() {
      if (ownShare == null) {
        phase = Phase.DONE;
        return;
      }
      ownShare = null;
      phase = Phase.CRITICAL;
      System.arraycopy(windows.start(), 0, cursor, 0, cursor.length);
      edgeCursor = windows.headStart();
      rarestRank = 0;
      restCursor = restStart;
      restWrapped = false;
    }

    private int offer(int piece) {
      return !target.verified().contains(piece) && offered.add(piece) ? piece : -1;
    }
  }
}
