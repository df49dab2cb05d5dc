package io.syncer.core.transport;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connection as the room authority or the participant session sees it: a pipe of text
 * messages (one JSON message each) that any transport implements — the Jakarta WebSocket
 * adapters in {@code io.syncer.core.jakarta}, an in-memory pipe in tests and simulators.
 *
 * <p>Syncer never blocks on a session: {@link #sendText} and {@link #close} must return quickly
 * (queue the frame, don't wait for the network), and Syncer keeps at most one send in flight per
 * session, bounding how much it queues itself.
 *
 * <p>Thread-safety: implementations must accept calls from any thread; Syncer never calls {@link
 * #sendText} again before the previous send completed.
 */
public interface Session {

  /** An identifier unique among the sessions of one process, for logs. */
  String id();

  /** The peer's address as the transport sees it, when known (used for swarm peers and limits). */
  Optional<InetSocketAddress> remoteAddress();

  /**
   * Sends one text message asynchronously. {@code completion} is called exactly once, on any
   * thread, with {@code null} when the message was handed to the network or with the failure.
   */
  void sendText(String text, Consumer<Throwable> completion);

  /** Closes the connection with a WebSocket close code and a short reason; idempotent. */
  void close(CloseCode code, String reason);
}
