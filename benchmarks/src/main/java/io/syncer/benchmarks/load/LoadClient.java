package io.syncer.benchmarks.load;

import io.syncer.benchmarks.client.ProtocolClient;
import io.syncer.core.transport.CloseCode;
import io.syncer.protocol.clock.ClockSample;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.drift.SyncerDriftPolicy;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.time.MicroClock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated viewer of a load run: keeps clock sync going with Syncer's real estimator (a
 * burst, then a request every 2 s), reports its status about once a second, and, in the room
 * its {@link RoomProbe} stands for, records how long each owner command took to reach it.
 *
 * <p>Thread-safety: safe for concurrent use: the transport delivers on its threads, the timers
 * run on the connection's event loop; the clock strategy is guarded by this object's lock.
 */
final class LoadClient implements ProtocolClient.Events {

  /** What one room's members share: when its owner sent the latest command. */
  static final class RoomProbe {
    volatile long commandSentNanos;
    volatile String code;
  }

  private static final MicroClock CLOCK = MicroClock.system();

  private final LoadStats stats;
  private final RoomProbe room;
  private ScheduledExecutorService timers;
  private final ClockStrategy clock = SyncerDriftPolicy.defaults().newClock();
  private final ProtocolClient protocol;
  private long lastVersion = -1;
  private long clockErrorUs;
  private volatile boolean closed;
  private ScheduledFuture<?> statusTimer;
  private ScheduledFuture<?> clockTimer;

  /**
   * @param sendCompletions where send completions continue; the connection's own thread will do
   *     when its transport never blocks
   */
  LoadClient(LoadStats stats, RoomProbe room, Executor sendCompletions) {
    this.stats = stats;
    this.room = room;
    this.protocol = new ProtocolClient(sendCompletions, this::received, this);
  }

  ProtocolClient protocol() {
    return protocol;
  }

  RoomProbe room() {
    return room;
  }

  boolean isOpen() {
    return !closed && !protocol.closedFuture().isDone();
  }

  void send(ClientMessage message) {
    if (protocol.send(message)) {
      stats.sent.increment();
    } else if (!closed) {
      stats.failure("send refused (closed or send queue full)");
    }
  }

  /**
   * Starts clock sync and the status reports on {@code timers}, at a random phase so clients
   * spread out.
   */
  void startTraffic(long statusIntervalMillis, ScheduledExecutorService timers) {
    synchronized (this) {
      this.timers = timers;
    }
    long phase = ThreadLocalRandom.current().nextLong(statusIntervalMillis);
    statusTimer =
        timers.scheduleAtFixedRate(
            this::sendStatus, phase, statusIntervalMillis, TimeUnit.MILLISECONDS);
    requestClock();
  }

  void stop() {
    closed = true;
    if (statusTimer != null) {
      statusTimer.cancel(false);
    }
    synchronized (this) {
      if (clockTimer != null) {
        clockTimer.cancel(false);
      }
    }
    protocol.close();
  }

  private synchronized void requestClock() {
    if (closed) {
      return;
    }
    long now = CLOCK.nowMicros();
    if (now >= clock.nextRequestAtUs()) {
      clock.requestSent(now);
      send(new ClockRequest(now));
    }
    long delayUs = Math.max(1_000, clock.nextRequestAtUs() - now);
    clockTimer = timers.schedule(this::requestClock, delayUs, TimeUnit.MICROSECONDS);
  }

  private void sendStatus() {
    long errorUs;
    synchronized (this) {
      errorUs = clockErrorUs;
    }
    send(new Status(PlayerState.READY, 30_000_000, 0,
        ThreadLocalRandom.current().nextLong(-3_000, 3_001), errorUs));
  }

  private void received(ServerMessage message) {
    stats.received.increment();
    if (message instanceof ClockResponse response) {
      long t3 = CLOCK.nowMicros();
      synchronized (this) {
        clock.addSample(new ClockSample(response.t0Us(), response.t1Us(), response.t2Us(), t3));
        clock.estimate(t3).ifPresent(estimate -> clockErrorUs = estimate.errorBoundUs());
      }
    } else if (message instanceof TimelineUpdate update) {
      long version = update.timeline().version();
      long sentAt = room.commandSentNanos;
      boolean fresh;
      synchronized (this) {
        fresh = version > lastVersion;
        lastVersion = Math.max(lastVersion, version);
      }
      if (fresh && sentAt != 0 && !TimelineUpdate.BY_SERVER.equals(update.by())) {
        stats.fanOut(System.nanoTime() - sentAt);
      }
    } else if (message instanceof ErrorMessage error) {
      stats.failure("error " + error.code().wireName());
    }
  }

  @Override
  public void closed(CloseCode code, String reason) {
    if (!closed) {
      stats.failure("closed by server " + code.code() + " " + reason);
    }
    closed = true;
  }

  @Override
  public void undecodable(String text, ProtocolException problem) {
    stats.failure("undecodable message");
  }
}
