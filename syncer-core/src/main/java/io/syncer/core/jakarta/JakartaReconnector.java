package io.syncer.core.jakarta;

import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a client connected: connects, and after every drop or failed attempt tries again after a
 * growing pause (0.5 s doubling up to 30 s, ±25% jitter so a restarted server is not stormed). A
 * {@code ParticipantSession} given as acceptor resumes its member, role and room on every new
 * connection.
 *
 * <pre>{@code
 * JakartaReconnector link = JakartaReconnector.start(container, uri, participant,
 *     JakartaOptions.defaults(), scheduler, Executors.newSingleThreadExecutor());
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use. Connection attempts (which block for the handshake)
 * run on the given executor, never on the scheduler's thread.
 */
public final class JakartaReconnector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JakartaReconnector.class);
  private static final long FIRST_PAUSE_US = 500_000;
  private static final long LONGEST_PAUSE_US = 30_000_000;

  private final WebSocketContainer container;
  private final URI uri;
  private final SessionAcceptor acceptor;
  private final JakartaOptions options;
  private final TaskScheduler scheduler;
  private final Executor connectThreads;
  private final Object lock = new Object();
  private long nextPauseUs = FIRST_PAUSE_US;
  private Session current;
  private boolean closed;

  private JakartaReconnector(WebSocketContainer container, URI uri, SessionAcceptor acceptor,
      JakartaOptions options, TaskScheduler scheduler, Executor connectThreads) {
    this.container = Objects.requireNonNull(container, "container");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.acceptor = Objects.requireNonNull(acceptor, "acceptor");
    this.options = Objects.requireNonNull(options, "options");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.connectThreads = Objects.requireNonNull(connectThreads, "connectThreads");
  }

  /** Starts connecting to {@code uri} now, and keeps doing so until {@link #close}. */
  public static JakartaReconnector start(WebSocketContainer container, URI uri,
      SessionAcceptor acceptor, JakartaOptions options, TaskScheduler scheduler,
      Executor connectThreads) {
    JakartaReconnector reconnector =
        new JakartaReconnector(container, uri, acceptor, options, scheduler, connectThreads);
    connectThreads.execute(reconnector::attempt);
    return reconnector;
  }

  /** Whether a connection is open now. */
  public boolean isConnected() {
    synchronized (lock) {
      return current != null && current.isOpen();
    }
  }

  /** Stops reconnecting and closes the current connection. */
  @Override
  public void close() {
    Session open;
    synchronized (lock) {
      closed = true;
      open = current;
    }
    if (open != null && open.isOpen()) {
      try {
        open.close();
      } catch (java.io.IOException alreadyGone) {
        log.debug("closing {}: {}", uri, alreadyGone.toString());
      }
    }
  }

  private void attempt() {
    synchronized (lock) {
      if (closed) {
        return;
      }
    }
    try {
      Session session = JakartaClient.connect(container, uri, this::opened, options);
      synchronized (lock) {
        current = session;
        nextPauseUs = FIRST_PAUSE_US;
      }
    } catch (Exception failed) {
      log.info("cannot connect to {}: {}", uri, failed.toString());
      retryLater();
    }
  }

  private SessionListener opened(io.syncer.core.transport.Session session) {
    SessionListener inner = acceptor.open(session);
    return new SessionListener() {
      @Override
      public void onText(String text) {
        inner.onText(text);
      }

      @Override
      public void onRejected(Rejection rejection) {
        inner.onRejected(rejection);
      }

      @Override
      public void onClosed(CloseCode code, String reason) {
        inner.onClosed(code, reason);
        retryLater();
      }
    };
  }

  private void retryLater() {
    long pause;
    synchronized (lock) {
      if (closed) {
        return;
      }
      pause = nextPauseUs;
      nextPauseUs = Math.min(LONGEST_PAUSE_US, 2 * nextPauseUs);
    }
    long jittered = pause * 3 / 4 + ThreadLocalRandom.current().nextLong(pause / 2 + 1);
    log.info("reconnecting to {} in {} ms", uri, jittered / 1_000);
    scheduler.schedule(jittered, () -> connectThreads.execute(this::attempt));
  }
}
