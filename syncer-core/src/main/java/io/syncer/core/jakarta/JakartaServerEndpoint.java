package io.syncer.core.jakarta;

import io.syncer.core.transport.SessionAcceptor;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Hosts a Syncer {@link SessionAcceptor} — normally a {@code RoomServer} — in any Jakarta
 * WebSocket container, as a programmatic endpoint:
 *
 * <pre>{@code
 * serverContainer.addEndpoint(
 *     JakartaServerEndpoint.config("/ws/v1", roomServer, JakartaOptions.defaults()));
 * }</pre>
 *
 * <p>Every connection gets its own endpoint instance; container threads only hand messages to the
 * acceptor's listener, which never blocks them.
 *
 * <p>Thread-safety: stateless; the returned configuration is safe to share.
 */
public final class JakartaServerEndpoint {

  private JakartaServerEndpoint() {}

  /** A server endpoint configuration at {@code path} (for example {@code "/ws/v1"}). */
  public static ServerEndpointConfig config(
      String path, SessionAcceptor acceptor, JakartaOptions options) {
    return ServerEndpointConfig.Builder.create(TextEndpoint.class, path)
        .subprotocols(List.of(JakartaOptions.SUBPROTOCOL))
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass) {
                Endpoint endpoint = new TextEndpoint(acceptor, options);
                return endpointClass.cast(endpoint);
              }
            })
        .build();
  }
}
