package io.syncer.core.transport;

import io.syncer.core.schedule.TaskScheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory connection between a client and a server acceptor: each message arrives after a
 * fixed one-way delay on the injected scheduler, in order. For tests and the sync simulator, on
 * virtual time; no threads of its own.
 *
 * <pre>{@code
 * MemoryTransport.Link link = MemoryTransport.connect(roomServer, participant, scheduler, 20_000);
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use; deliveries happen on the scheduler.
 */
public final class MemoryTransport {

  private static final AtomicInteger IDS = new AtomicInteger();

  private MemoryTransport() {}

  /**
   * Opens a connection: the server acceptor first, then the client acceptor, each seeing the other
   * end as its {@link Session}.
   *
   * @param oneWayDelayMicros delay of every message in either direction
   * @param clientAddress the address the server sees for the client
   */
  public static Link connect(
      SessionAcceptor server,
      SessionAcceptor client,
      TaskScheduler scheduler,
      long oneWayDelayMicros,
      InetSocketAddress clientAddress) {
    int id = IDS.incrementAndGet();
    Link link = new Link(scheduler, oneWayDelayMicros);
    Link.End serverEnd = link.new End("mem-server-" + id, Optional.of(clientAddress));
    Link.End clientEnd = link.new End("mem-client-" + id, Optional.empty());
    serverEnd.peer = clientEnd;
    clientEnd.peer = serverEnd;
    link.serverEnd = serverEnd;
    link.clientEnd = clientEnd;
    serverEnd.listener = server.open(serverEnd);
    clientEnd.listener = client.open(clientEnd);
    return link;
  }

  /** A connection made by {@link #connect}. */
  public static final class Link {
    private final TaskScheduler scheduler;
    private final long delayMicros;
    private End serverEnd;
    private End clientEnd;
    private boolean closed;
    /** Killed: messages still in flight are lost too. */
    private boolean killed;
    private boolean clientReading = true;
    private final List<Runnable> heldCompletions = new ArrayList<>();

    private Link(TaskScheduler scheduler, long delayMicros) {
      this.scheduler = scheduler;
      this.delayMicros = delayMicros;
    }

    /**
     * Stops (or resumes) the client reading: the server's sends to it no longer complete, as
     * with a client that stopped reading its socket.
     */
    public void clientReading(boolean reading) {
      List<Runnable> release = List.of();
      synchronized (this) {
        clientReading = reading;
        if (reading) {
          release = new ArrayList<>(heldCompletions);
          heldCompletions.clear();
        }
      }
      release.forEach(Runnable::run);
    }

    /** Cuts the connection without a close handshake, as when a client process dies. */
    public void kill() {
      synchronized (this) {
        killed = true;
      }
      closeBoth(CloseCode.ABNORMAL, "connection lost", 0);
    }

    /** Whether the connection has been closed by either side. */
    public synchronized boolean isClosed() {
      return closed;
    }

    /** The client's side of the connection. */
    public Session clientSession() {
      return clientEnd;
    }

    /** Both ends learn of the close after {@code delay}: after every message sent before it. */
    private void closeBoth(CloseCode code, String reason, long delay) {
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        heldCompletions.clear();
      }
      scheduler.schedule(delay, () -> serverEnd.listener.onClosed(code, reason));
      scheduler.schedule(delay, () -> clientEnd.listener.onClosed(code, reason));
    }

    private synchronized boolean isKilled() {
      return killed;
    }

    private final class End implements Session {
      private final String id;
      private final Optional<InetSocketAddress> remote;
      private End peer;
      private SessionListener listener;

      End(String id, Optional<InetSocketAddress> remote) {
        this.id = id;
        this.remote = remote;
      }

      @Override
      public String id() {
        return id;
      }

      @Override
      public Optional<InetSocketAddress> remoteAddress() {
        return remote;
      }

      @Override
      public void sendText(String text, Consumer<Throwable> completion) {
        Objects.requireNonNull(text, "text");
        synchronized (Link.this) {
          if (closed) {
            scheduler.schedule(0, () -> completion.accept(new IllegalStateException("closed")));
            return;
          }
          if (this == serverEnd && !clientReading) {
            heldCompletions.add(() -> deliver(text, completion));
            return;
          }
        }
        deliver(text, completion);
      }

      private void deliver(String text, Consumer<Throwable> completion) {
        scheduler.schedule(0, () -> completion.accept(null));
        scheduler.schedule(
            delayMicros,
            () -> {
              if (!isKilled()) {
                peer.listener.onText(text);
              }
            });
      }

      @Override
      public void close(CloseCode code, String reason) {
        closeBoth(code, reason, delayMicros);
      }
    }
  }
}
