package io.syncer.benchmarks.sim;

import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A connection between a participant and the room authority through a {@link NetworkPath}, on
 * virtual time: each message arrives after the path's delay for the moment it was sent, never
 * before a message sent earlier in the same direction (in order, as over TCP).
 *
 * <p>Thread-safety: not thread-safe; everything runs on the simulation's virtual scheduler.
 */
final class SimulatedLink {

  private final VirtualScheduler scheduler;
  private final NetworkPath path;
  private final End serverEnd;
  private final End clientEnd;
  private boolean closed;

  private SimulatedLink(VirtualScheduler scheduler, NetworkPath path, String id) {
    this.scheduler = scheduler;
    this.path = path;
    this.serverEnd =
        new End("sim-server-" + id, Optional.of(new InetSocketAddress("127.0.0.1", 40_000)), true);
    this.clientEnd = new End("sim-client-" + id, Optional.empty(), false);
    serverEnd.peer = clientEnd;
    clientEnd.peer = serverEnd;
  }

  /** Opens a connection: the server's acceptor first, then the client's. */
  static SimulatedLink connect(
      SessionAcceptor server,
      SessionAcceptor client,
      VirtualScheduler scheduler,
      NetworkPath path,
      String id) {
    SimulatedLink link = new SimulatedLink(scheduler, path, id);
    link.serverEnd.listener = server.open(link.serverEnd);
    link.clientEnd.listener = client.open(link.clientEnd);
    return link;
  }

  private final class End implements Session {
    private final String id;
    private final Optional<InetSocketAddress> remote;
    private final boolean server;
    private End peer;
    private SessionListener listener;
    private long lastArrivalUs = Long.MIN_VALUE;

    End(String id, Optional<InetSocketAddress> remote, boolean server) {
      this.id = id;
      this.remote = remote;
      this.server = server;
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
      if (closed) {
        scheduler.execute(() -> completion.accept(new IllegalStateException("closed")));
        return;
      }
      long now = scheduler.clock().nowMicros();
      long delay = server ? path.downDelayUs(now) : path.upDelayUs(now);
      long arrival = Math.max(lastArrivalUs, now + delay);
      lastArrivalUs = arrival;
      scheduler.execute(() -> completion.accept(null));
      scheduler.scheduleAt(
          arrival,
          () -> {
            if (!closed) {
              peer.listener.onText(text);
            }
          });
    }

    @Override
    public void close(CloseCode code, String reason) {
      if (closed) {
        return;
      }
      closed = true;
      scheduler.execute(() -> serverEnd.listener.onClosed(code, reason));
      scheduler.execute(() -> clientEnd.listener.onClosed(code, reason));
    }
  }
}
