package io.syncer.core.jakarta;

import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How the Jakarta WebSocket adapters configure each connection.
 *
 * @param maxMessageBytes largest text message the container buffers; larger ones are refused by
 *     the container itself (close 1009). Set it above the protocol limit so that the Syncer
 *     endpoint sees moderately oversized messages and can answer them with an {@code error}
 * @param sendTimeout how long one asynchronous send may take before the connection counts as dead
 * @param remoteAddress finds the peer address of a container session (the Jakarta API has no
 *     portable way; see {@link #DEFAULT_REMOTE_ADDRESS})
 *
 * <p>Idle connections are the container's business: set its default idle timeout ({@code
 * WebSocketContainer.setDefaultMaxSessionIdleTimeout}). Setting one per session when it opens
 * races with Tyrus's own idle timer and can close the session at once.
 *
 * <p>Thread-safety: immutable.
 */
public record JakartaOptions(
    int maxMessageBytes,
    Duration sendTimeout,
    Function<Session, Optional<InetSocketAddress>> remoteAddress) {

  /** The WebSocket subprotocol name of Syncer protocol v1. */
  public static final String SUBPROTOCOL = "syncer.v1";

  /**
   * Reads the user property {@code jakarta.websocket.endpoint.remoteAddress} that Jetty and
   * Tomcat set; empty elsewhere.
   */
  public static final Function<Session, Optional<InetSocketAddress>> DEFAULT_REMOTE_ADDRESS =
      session ->
          session.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress")
                  instanceof InetSocketAddress address
              ? Optional.of(address)
              : Optional.empty();

  public JakartaOptions {
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    Objects.requireNonNull(sendTimeout, "sendTimeout");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
  }

  /**
   * Defaults: container buffer of four times the 64 KiB protocol limit, 10 s send timeout, and
   * {@link #DEFAULT_REMOTE_ADDRESS}.
   */
  public static JakartaOptions defaults() {
    return new JakartaOptions(4 * 64 * 1024, Duration.ofSeconds(10), DEFAULT_REMOTE_ADDRESS);
  }

  /** These options with another way to find the peer address. */
  public JakartaOptions withRemoteAddress(
      Function<Session, Optional<InetSocketAddress>> remoteAddress) {
    return new JakartaOptions(maxMessageBytes, sendTimeout, remoteAddress);
  }

  /** These options with another container message buffer size. */
  public JakartaOptions withMaxMessageBytes(int maxMessageBytes) {
    return new JakartaOptions(maxMessageBytes, sendTimeout, remoteAddress);
  }
}
