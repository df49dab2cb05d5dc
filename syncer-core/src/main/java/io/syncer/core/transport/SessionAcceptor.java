package io.syncer.core.transport;

/**
 * Accepts new connections: a transport calls {@link #open} once per connection, then delivers
 * everything it receives on that connection to the returned listener. The room authority is one;
 * a participant session provides one for its single connection.
 *
 * <p>Thread-safety: implementations accept calls from any thread and return quickly.
 */
@FunctionalInterface
public interface SessionAcceptor {

  /** A new connection is open; returns where its incoming messages go. */
  SessionListener open(Session session);
}
