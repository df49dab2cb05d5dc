package io.syncer.benchmarks.client;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.Map;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;

/**
 * Many WebSocket client connections on a few threads: a Tyrus client whose connections all share
 * one Grizzly transport with a fixed number of selector and worker threads, so thousands of
 * connections cost file descriptors and memory but no thread each.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #connect} blocks the caller for the
 * handshake only.
 */
public final class WebSocketClients implements AutoCloseable {

  private final ClientManager manager;
  private final JakartaOptions options;

  /**
   * @param selectorThreads threads polling the sockets
   * @param workerThreads threads delivering messages to the clients
   */
  public WebSocketClients(int selectorThreads, int workerThreads) {
    manager = ClientManager.createClient();
    Map<String, Object> properties = manager.getProperties();
    properties.put(ClientProperties.SHARED_CONTAINER, true);
    properties.put(ClientProperties.SHARED_CONTAINER_IDLE_TIMEOUT, 1);
    properties.put(ClientProperties.HANDSHAKE_TIMEOUT, 30_000);
    properties.put(
        GrizzlyClientProperties.SELECTOR_THREAD_POOL_CONFIG,
        ThreadPoolConfig.defaultConfig()
            .setPoolName("ws-client-selector")
            .setCorePoolSize(selectorThreads)
            .setMaxPoolSize(selectorThreads)
            .setDaemon(true));
    properties.put(
        GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG,
        ThreadPoolConfig.defaultConfig()
            .setPoolName("ws-client-worker")
            .setCorePoolSize(workerThreads)
            .setMaxPoolSize(workerThreads)
            .setDaemon(true));
    options = JakartaOptions.defaults();
  }

  /** Opens a connection to {@code uri} carrying {@code client}. */
  public Session connect(URI uri, ProtocolClient client) throws Exception {
    return JakartaClient.connect(manager, uri, client, options);
  }

  /** Stops the client container; its shared transport goes once its connections are closed. */
  @Override
  public void close() {
    manager.shutdown();
  }
}
