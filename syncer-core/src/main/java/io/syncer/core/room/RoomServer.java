package io.syncer.core.room;

import io.syncer.core.internal.SerialExecutor;
import io.syncer.core.internal.TokenBucket;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.time.MicroClock;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room authority: accepts connections from any transport ({@link SessionAcceptor}), speaks
 * Syncer protocol v1 on them, and owns every room of this server.
 *
 * <p>Each connection and each room is an actor: its state is touched only by tasks of its own
 * {@link SerialExecutor} on the shared pool, so there are no locks around room state and one room
 * never waits for another. Transports only decode and enqueue; nothing blocks their threads.
 * Timers run on the injected {@link TaskScheduler}, so the whole authority runs on virtual time
 * when given a {@link io.syncer.core.schedule.VirtualScheduler} as scheduler and executor.
 *
 * <pre>{@code
 * RoomServer rooms = RoomServer.builder().limits(RoomLimits.defaults()).build();
 * SessionListener listener = rooms.open(mySession);   // once per connection
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class RoomServer implements SessionAcceptor, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RoomServer.class);
  private static final long UNANSWERED_LOG_INTERVAL_US = 60_000_000;

  final MicroClock clock;
  final TaskScheduler scheduler;
  final Executor pool;
  final RoomLimits limits;
  final Authenticator authenticator;
  final MessageCodec codec;
  final Ids ids;
  final ConcurrentHashMap<String, Room> rooms = new ConcurrentHashMap<>();
  final ConcurrentHashMap<String, Ticket> tickets = new ConcurrentHashMap<>();
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  /** Shared by every connection's actor, hence guarded by itself, as are the two fields after it. */
  private final TokenBucket extraClockRequests;
  private long unansweredClockRequests;
  private long unansweredLoggedAtMicros = Long.MIN_VALUE;
  private final Runnable releaseOwnedThreads;
  private final boolean ownsThreads;
  private volatile boolean closed;

  private RoomServer(Builder b, TaskScheduler scheduler, Executor pool,
      Runnable releaseOwnedThreads, boolean ownsThreads) {
    this.scheduler = scheduler;
    this.clock = scheduler.clock();
    this.pool = pool;
    this.limits = b.limits;
    this.authenticator = b.authenticator;
    this.codec = MessageCodec.withMaxMessageBytes(b.limits.maxMessageBytes());
    this.ids = new Ids(b.random);
    this.extraClockRequests =
        TokenBucket.perSecond(
            b.limits.extraClockRequestsPerSecond(),
            b.limits.extraClockRequestsPerSecond(),
            clock.nowMicros());
    this.releaseOwnedThreads = releaseOwnedThreads;
    this.ownsThreads = ownsThreads;
  }

  /** A builder with the defaults: system clock, own timer and pool threads, anonymous access. */
  public static Builder builder() {
    return new Builder();
  }

  /** Accepts a new connection; the transport delivers its messages to the returned listener. */
  @Override
  public SessionListener open(Session session) {
    if (closed || connections.size() >= limits.maxConnections()) {
      log.warn("refusing session {}: {}", session.id(),
          closed ? "shutting down" : "too many connections");
      session.close(CloseCode.GOING_AWAY, closed ? "server shutting down" : "server full");
      return Connection.IGNORE;
    }
    Connection connection = new Connection(this, session);
    connections.add(connection);
    connection.start();
    return connection;
  }

  /**
   * Whether a clock request beyond a connection's quiet schedule may be answered now; logs how
   * many were not at most once a minute.
   */
  boolean takeExtraClockRequest(long nowMicros) {
    synchronized (extraClockRequests) {
      if (extraClockRequests.tryTake(nowMicros)) {
        return true;
      }
      unansweredClockRequests++;
      if (nowMicros - unansweredLoggedAtMicros >= UNANSWERED_LOG_INTERVAL_US) {
        log.info(
            "{} clock requests beyond the quiet schedule left unanswered: the allowance of {}/s for"
                + " all connections is used up (busy server, or many clients on jittery paths)",
            unansweredClockRequests, limits.extraClockRequestsPerSecond());
        unansweredClockRequests = 0;
        unansweredLoggedAtMicros = nowMicros;
      }
      return false;
    }
  }

  /** Rooms currently open. */
  public int roomCount() {
    return rooms.size();
  }

  /** Connections currently open. */
  public int connectionCount() {
    return connections.size();
  }

  /** The limits this server enforces. */
  public RoomLimits limits() {
    return limits;
  }

  /** The clock all server times ({@code ...Us} on the wire) are read from. */
  public MicroClock clock() {
    return clock;
  }

  /**
   * Stops accepting connections and closes every open one with 1001 (going away) after what is
   * queued for it; releases the threads this server created. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    log.info("closing room server: {} connections, {} rooms", connections.size(), rooms.size());
    connections.forEach(Connection::shutdown);
    if (ownsThreads) {
      awaitGoodbyes();
    }
    releaseOwnedThreads.run();
    rooms.clear();
  }

  SerialExecutor newActor() {
    return new SerialExecutor(pool, this::actorFailed);
  }

  void forget(Connection connection) {
    connections.remove(connection);
  }

  /** A new room with a fresh unique code, or {@code null} when the server has too many. */
  Room newRoom() {
    if (rooms.size() >= limits.maxRooms()) {
      return null;
    }
    while (true) {
      Room room = new Room(this, ids.roomCode());
      if (rooms.putIfAbsent(room.code, room) == null) {
        return room;
      }
    }
  }

  /** Gives the closing handshakes a moment before the threads that drive them go away. */
  private void awaitGoodbyes() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    try {
      while (!connections.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void actorFailed(RuntimeException failure) {
    log.error("room task failed", failure);
    Thread current = Thread.currentThread();
    current.getUncaughtExceptionHandler().uncaughtException(current, failure);
  }

  /**
   * Builds a {@link RoomServer}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private MicroClock clock = MicroClock.system();
    private TaskScheduler scheduler;
    private Executor executor;
    private RoomLimits limits = RoomLimits.defaults();
    private Authenticator authenticator = Authenticator.anonymous();
    private RandomGenerator random = new SecureRandom();

    private Builder() {}

    /** The server clock, when no {@link #scheduler} is given (default: the system clock). */
    public Builder clock(MicroClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Timers, and with them the server clock (default: one daemon timer thread). */
    public Builder scheduler(TaskScheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The shared pool rooms and connections run on (default: one daemon thread per core). Tasks
     * never block, so a small pool serves many rooms.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    public Builder limits(RoomLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Who may connect, and as whom (default: {@link Authenticator#anonymous()}). */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Source of room codes, ids and resume tokens (default: {@link SecureRandom}). Give a seeded
     * generator only to make tests and simulations repeatable: codes become guessable.
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    public RoomServer build() {
      ScheduledExecutorService ownTimer = null;
      ExecutorService ownPool = null;
      TaskScheduler timers = scheduler;
      if (timers == null) {
        ownTimer = Executors.newSingleThreadScheduledExecutor(daemonThreads("syncer-room-timer"));
        timers = TaskScheduler.of(ownTimer, clock);
      }
      Executor threads = executor;
      if (threads == null) {
        int size = Math.max(2, Runtime.getRuntime().availableProcessors());
        // Work that arrives after close (a late network callback) is dropped, not thrown back
        // into the transport's thread.
        ownPool =
            new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("syncer-room"), new ThreadPoolExecutor.DiscardPolicy());
        threads = ownPool;
      }
      ScheduledExecutorService timerToRelease = ownTimer;
      ExecutorService poolToRelease = ownPool;
      return new RoomServer(
          this,
          timers,
          threads,
          () -> {
            if (poolToRelease != null) {
              // Let the queued goodbyes and closes go out; every task is short.
              poolToRelease.shutdown();
              awaitQuietly(poolToRelease);
            }
            // Timers last: room tasks still running above may set some.
            if (timerToRelease != null) {
              timerToRelease.shutdownNow();
            }
          },
          ownPool != null);
    }

    private static void awaitQuietly(ExecutorService pool) {
      try {
        pool.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    private static ThreadFactory daemonThreads(String prefix) {
      AtomicInteger count = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }
}
