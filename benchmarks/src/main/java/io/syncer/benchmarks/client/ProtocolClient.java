package io.syncer.benchmarks.client;

import io.syncer.core.internal.Outbox;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.ServerMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A bare protocol client for benchmarks and load: encodes what it is told to send (through a
 * bounded {@link Outbox}, so at most one send is in flight as the transport SPI requires), decodes
 * everything the server sends and hands it to a handler. It runs over any transport: the
 * in-memory one or a Jakarta WebSocket session.
 *
 * <p>Thread-safety: safe for concurrent use; the handler runs on the transport's delivery thread,
 * one message at a time.
 */
public final class ProtocolClient implements SessionAcceptor, SessionListener {

  private static final MessageCodec CODEC = MessageCodec.create();
  private static final int QUEUED_MESSAGES = 64;
  private static final long QUEUED_CHARS = 256 * 1024;

  /** What a client hears besides messages: the connection ended, or a message was undecodable. */
  public interface Events {
    void closed(CloseCode code, String reason);

    void undecodable(String text, ProtocolException problem);
  }

  private record Waiter<T extends ServerMessage>(Class<T> type, CompletableFuture<T> future) {
    boolean offer(ServerMessage message) {
      if (type.isInstance(message)) {
        future.complete(type.cast(message));
        return true;
      }
      return false;
    }
  }

  private final Executor completions;
  private final Consumer<ServerMessage> handler;
  private final Events events;
  private final List<Waiter<?>> waiters = new ArrayList<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile Outbox outbox;

  /**
   * @param completions where send completions continue (a small shared pool)
   * @param handler receives every decoded server message
   * @param events told about closes and undecodable messages
   */
  public ProtocolClient(Executor completions, Consumer<ServerMessage> handler, Events events) {
    this.completions = Objects.requireNonNull(completions, "completions");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.events = Objects.requireNonNull(events, "events");
  }

  @Override
  public SessionListener open(Session session) {
    outbox = new Outbox(session, completions, QUEUED_MESSAGES, QUEUED_CHARS);
    return this;
  }

  /** Queues a message; false when the connection is closed or this client reads too slowly. */
  public boolean send(ClientMessage message) {
    Outbox out = outbox;
    return out != null && out.send(CODEC.encode(message));
  }

  /** Completes with the next message of {@code type} that arrives after this call. */
  public <T extends ServerMessage> CompletableFuture<T> next(Class<T> type) {
    CompletableFuture<T> future = new CompletableFuture<>();
    synchronized (waiters) {
      waiters.add(new Waiter<>(type, future));
    }
    return future;
  }

  /** Completes when the connection has ended. */
  public CompletableFuture<Void> closedFuture() {
    return closed;
  }

  /** Closes the connection normally. */
  public void close() {
    Outbox out = outbox;
    if (out != null) {
      out.closeAfterFlush(CloseCode.NORMAL, "done");
    }
  }

  @Override
  public void onText(String text) {
    ServerMessage message;
    try {
      message = CODEC.decodeFromServer(text);
    } catch (ProtocolException problem) {
      events.undecodable(text, problem);
      return;
    }
    synchronized (waiters) {
      for (Iterator<Waiter<?>> it = waiters.iterator(); it.hasNext(); ) {
        if (it.next().offer(message)) {
          it.remove();
        }
      }
    }
    handler.accept(message);
  }

  @Override
  public void onRejected(Rejection rejection) {
    events.undecodable(
        "", new ProtocolException(ErrorCode.BAD_MESSAGE, "transport rejected: " + rejection));
  }

  @Override
  public void onClosed(CloseCode code, String reason) {
    Outbox out = outbox;
    if (out != null) {
      out.closeNow(code, reason);
    }
    synchronized (waiters) {
      waiters.forEach(w -> w.future().completeExceptionally(
          new IllegalStateException("connection closed: " + code + " " + reason)));
      waiters.clear();
    }
    closed.complete(null);
    events.closed(code, reason);
  }
}
