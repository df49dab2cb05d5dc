package io.syncer.core.internal;

import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded send queue in front of one {@link Session}: keeps one send in flight, queues the
 * rest up to a message and a byte limit, and closes the session when a slow reader overflows it,
 * so a client that stops reading costs bounded memory and never slows its room.
 *
 * <p>Thread-safety: safe for concurrent use, lock-free; messages from one thread keep their
 * order.
 */
public final class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private record Closing(CloseCode code, String reason) {}

  private final Session session;
  private final Executor pool;
  private final int maxMessages;
  private final long maxBytes;
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedMessages = new AtomicInteger();
  private final AtomicLong queuedChars = new AtomicLong();
  private final AtomicBoolean sending = new AtomicBoolean();
  private final AtomicReference<Closing> closing = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * @param session the transport session to write to
   * @param pool where completion callbacks continue and where the session is closed, so neither
   *     runs on the transport's or the room's thread
   * @param maxMessages how many messages may wait (the one in flight included)
   * @param maxBytes how many characters of text may wait (UTF-16 length, an upper bound of
   *     bytes for the ASCII-heavy JSON Syncer sends)
   */
  public Outbox(Session session, Executor pool, int maxMessages, long maxBytes) {
    this.session = Objects.requireNonNull(session, "session");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.maxMessages = maxMessages;
    this.maxBytes = maxBytes;
  }

  /** The session this outbox writes to. */
  public Session session() {
    return session;
  }

  /**
   * Queues {@code text} for sending. Returns {@code false} when the outbox is closing or closed,
   * or when the message does not fit — then the session is closed as too slow.
   */
  public boolean send(String text) {
    if (closing.get() != null || closed.get()) {
      return false;
    }
    int messages = queuedMessages.incrementAndGet();
    long chars = queuedChars.addAndGet(text.length());
    if (messages > maxMessages || chars > maxBytes) {
      queuedMessages.decrementAndGet();
      queuedChars.addAndGet(-text.length());
      log.warn(
          "session {} reads too slowly ({} messages, {} chars queued): closing it",
          session.id(), messages - 1, chars - text.length());
      closeNow(CloseCode.POLICY_VIOLATION, "send queue overflow: reading too slowly");
      return false;
    }
    queue.add(text);
    pump();
    return true;
  }

  /** Closes the session once every message queued so far has been sent. */
  public void closeAfterFlush(CloseCode code, String reason) {
    if (closing.compareAndSet(null, new Closing(code, reason))) {
      pump();
    }
  }

  /** Closes the session now, dropping whatever is queued. */
  public void closeNow(CloseCode code, String reason) {
    closing.compareAndSet(null, new Closing(code, reason));
    queue.clear();
    finish();
  }

  /** Whether the session was closed through this outbox. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Messages waiting or in flight. */
  public int queuedMessages() {
    return queuedMessages.get();
  }

  private void pump() {
    while (sending.compareAndSet(false, true)) {
      String next = queue.poll();
      if (next != null && !closed.get()) {
        session.sendText(next, failure -> pool.execute(() -> sent(next, failure)));
        return;
      }
      sending.set(false);
      if (queue.isEmpty()) {
        if (closing.get() != null) {
          finish();
        }
        return;
      }
    }
  }

  private void sent(String text, Throwable failure) {
    queuedMessages.decrementAndGet();
    queuedChars.addAndGet(-text.length());
    if (failure != null) {
      log.info("sending to session {} failed ({}): closing it", session.id(), failure.toString());
      closeNow(CloseCode.GOING_AWAY, "send failed");
      return;
    }
    sending.set(false);
    pump();
  }

  private void finish() {
    if (closed.compareAndSet(false, true)) {
      Closing how = closing.get();
      pool.execute(() -> session.close(how.code(), how.reason()));
    }
  }
}
