package io.syncer.core.jakarta;

import io.syncer.core.transport.SessionAcceptor;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Connects a Syncer {@link SessionAcceptor} — normally a participant session — to a server
 * through any Jakarta WebSocket client container:
 *
 * <pre>{@code
 * JakartaClient.connect(ContainerProvider.getWebSocketContainer(),
 *     URI.create("ws://127.0.0.1:8470/ws/v1"), participant, JakartaOptions.defaults());
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class JakartaClient {

  private JakartaClient() {}

  /**
   * Opens a connection to {@code uri}, blocking the caller for the handshake only; returns the
   * container's session (close it to disconnect).
   */
  public static Session connect(
      WebSocketContainer container, URI uri, SessionAcceptor acceptor, JakartaOptions options)
      throws DeploymentException, IOException {
    ClientEndpointConfig config =
        ClientEndpointConfig.Builder.create()
            .preferredSubprotocols(List.of(JakartaOptions.SUBPROTOCOL))
            .build();
    return container.connectToServer(new TextEndpoint(acceptor, options), config, uri);
  }
}
