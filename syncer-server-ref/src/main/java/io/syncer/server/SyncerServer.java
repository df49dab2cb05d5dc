package io.syncer.server;

import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.jakarta.JakartaServerEndpoint;
import io.syncer.core.room.Authenticator;
import io.syncer.core.room.RoomLimits;
import io.syncer.core.room.RoomServer;
import jakarta.websocket.DeploymentException;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusSession;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server, embeddable: one Grizzly HTTP listener serving the Syncer WebSocket
 * endpoint ({@value #WEBSOCKET_PATH}, through Tyrus), {@code GET /health}, and any extra HTTP
 * handlers mounted with {@link Builder#httpHandler}.
 *
 * <pre>{@code
 * SyncerServer server = SyncerServer.builder().host("127.0.0.1").port(0).build().start();
 * URI ws = server.webSocketUri();
 * server.stop();
 * }</pre>
 *
 * <p>Thread-safety: {@link #start} and {@link #stop} may be called from any thread, once each;
 * the accessors are safe at any time after {@link #start} returned.
 */
public final class SyncerServer implements AutoCloseable {

  /** The WebSocket path of protocol v1. */
  public static final String WEBSOCKET_PATH = "/ws/v1";

  private static final Logger log = LoggerFactory.getLogger(SyncerServer.class);

  /**
   * Tyrus buffers messages up to this many times the protocol limit, so that an oversized message
   * reaches the room server and gets its {@code too_large} error and close 1009. A single frame
   * beyond the buffer makes Tyrus itself drop the connection (close 1011).
   */
  private static final int CONTAINER_BUFFER_FACTOR = 16;

  private static final long IDLE_TIMEOUT_MILLIS = 60_000;

  private final String host;
  private final int requestedPort;
  private final RoomServer rooms;
  private final JakartaOptions options;
  private final Map<String, HttpHandler> handlers;
  private HttpServer http;
  private NetworkListener listener;
  private TyrusServerContainer container;
  private volatile boolean stopped;

  private SyncerServer(Builder b, RoomServer rooms) {
    this.host = b.host;
    this.requestedPort = b.port;
    this.rooms = rooms;
    this.options =
        JakartaOptions.defaults()
            .withMaxMessageBytes(CONTAINER_BUFFER_FACTOR * rooms.limits().maxMessageBytes())
            .withRemoteAddress(SyncerServer::tyrusRemoteAddress);
    this.handlers = new LinkedHashMap<>(b.handlers);
    this.handlers.putIfAbsent("/health", new HealthHandler(rooms));
    this.handlers.putIfAbsent("/", new NotFoundHandler());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the listener and starts serving; returns this server. */
  public synchronized SyncerServer start() throws IOException {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    http = new HttpServer();
    listener = new NetworkListener("syncer", host, requestedPort);
    // Grizzly's default same-thread strategy would run Tyrus on the selector thread.
    listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
    listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
    http.addListener(listener);
    container = new TyrusContainer(options.maxMessageBytes() + 1024);
    // Participants report status every second; a minute of silence means a dead peer.
    container.setDefaultMaxSessionIdleTimeout(IDLE_TIMEOUT_MILLIS);
    dropCancelledIdleTimers(container);
    listener.registerAddOn(webSocketAddOn(container));
    handlers.forEach(
        (path, handler) -> http.getServerConfiguration().addHttpHandler(handler, path));
    try {
      container.addEndpoint(JakartaServerEndpoint.config(WEBSOCKET_PATH, rooms, options));
      container.start("/", requestedPort);
    } catch (DeploymentException e) {
      throw new IOException("cannot deploy the WebSocket endpoint", e);
    }
    http.start();
    log.info("listening on {} and {}", httpUri(), webSocketUri());
    return this;
  }

  /** The port the server listens on (the real one when started with port 0). */
  public int port() {
    return listener.getPort();
  }

  /** The host (address) the server listens on. */
  public String host() {
    return host;
  }

  /** {@code http://host:port}. */
  public URI httpUri() {
    return URI.create("http://" + uriHost() + ":" + port());
  }

  /** {@code ws://host:port/ws/v1}. */
  public URI webSocketUri() {
    return URI.create("ws://" + uriHost() + ":" + port() + WEBSOCKET_PATH);
  }

  /** Tyrus's timer pool (sessions' idle timers), for tests. */
  ScheduledExecutorService tyrusTimers() {
    return container.getScheduledExecutorService();
  }

  /** The room authority behind the WebSocket endpoint. */
  public RoomServer rooms() {
    return rooms;
  }

  private String uriHost() {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /**
   * Says goodbye to every client (close 1001 after what is queued for it), then stops the HTTP
   * listener. Idempotent.
   */
  public synchronized void stop() {
    if (stopped || http == null) {
      return;
    }
    stopped = true;
    log.info("stopping: {} connections, {} rooms", rooms.connectionCount(), rooms.roomCount());
    rooms.close();
    container.stop();
    try {
      http.shutdown(2, TimeUnit.SECONDS).get(3, TimeUnit.SECONDS);
    } catch (Exception slow) {
      log.info("forcing the HTTP listener down: {}", slow.toString());
    } finally {
      http.shutdownNow();
    }
    log.info("stopped");
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Tyrus re-arms a session's idle timer on every message sent or received: it cancels the
   * previous timer task and schedules a new one {@value #IDLE_TIMEOUT_MILLIS} ms ahead on the
   * container's scheduled pool. By default a cancelled task stays in that pool's queue until its
   * time comes, so at 5000 connections some 600 000 dead tasks lived for a minute each, survived
   * every young collection and were copied into the old generation: they made most of the
   * server's GC pause time. Removing cancelled tasks at once keeps one live task per session.
   */
  static void dropCancelledIdleTimers(TyrusServerContainer container) {
    if (container.getScheduledExecutorService() instanceof ScheduledThreadPoolExecutor timers) {
      timers.setRemoveOnCancelPolicy(true);
    } else {
      log.warn("cannot tune Tyrus's idle timers: this Tyrus version uses another scheduler");
    }
  }

  private static Optional<InetSocketAddress> tyrusRemoteAddress(jakarta.websocket.Session session) {
    if (session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null) {
      try {
        // An IP literal: getByName does not resolve it.
        return Optional.of(new InetSocketAddress(InetAddress.getByName(tyrus.getRemoteAddr()), 0));
      } catch (UnknownHostException notAnAddress) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Tyrus's server container, minus the HTTP server it would create itself. */
  private static final class TyrusContainer extends TyrusServerContainer {
    private final WebSocketEngine engine;

    TyrusContainer(int incomingBufferSize) {
      super((Set<Class<?>>) null);
      engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferSize).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
      engine.register(endpointClass, "/");
    }

    @Override
    public void register(jakarta.websocket.server.ServerEndpointConfig config)
        throws DeploymentException {
      engine.register(config, "/");
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
      return engine;
    }
  }

  /**
   * Tyrus's add-on that puts its WebSocket filter in front of Grizzly's HTTP filter. The class is
   * public for exactly this use (TYRUS-317) but its constructor is not, hence the reflection.
   */
  private static AddOn webSocketAddOn(ServerContainer container) throws IOException {
    try {
      Constructor<WebSocketAddOn> constructor =
          WebSocketAddOn.class.getDeclaredConstructor(ServerContainer.class, String.class);
      constructor.setAccessible(true);
      return constructor.newInstance(container, "/");
    } catch (ReflectiveOperationException | RuntimeException incompatibleTyrus) {
      throw new IOException("this Tyrus version cannot be embedded", incompatibleTyrus);
    }
  }

  /**
   * Builds a {@link SyncerServer}.
   *
   * <p>Thread-safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8470;
    private RoomServer rooms;
    private RoomLimits limits = RoomLimits.defaults();
    private Authenticator authenticator = Authenticator.anonymous();
    private final Map<String, HttpHandler> handlers = new LinkedHashMap<>();

    private Builder() {}

    /** Address to listen on (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Port to listen on; 0 lets the system pick a free one (default 8470). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** Limits of the room server this builder creates (ignored with {@link #rooms}). */
    public Builder limits(RoomLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Who may connect (ignored with {@link #rooms}; default anonymous guests). */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** A room server configured elsewhere; the server closes it on {@link #stop}. */
    public Builder rooms(RoomServer rooms) {
      this.rooms = Objects.requireNonNull(rooms, "rooms");
      return this;
    }

    /**
     * Mounts an extra HTTP handler, e.g. a REST API, at {@code path} (Grizzly mapping syntax, e.g.
     * {@code "/api/v1/*"}).
     */
    public Builder httpHandler(String path, HttpHandler handler) {
      handlers.put(
          Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    public SyncerServer build() {
      RoomServer server =
          rooms != null
              ? rooms
              : RoomServer.builder().limits(limits).authenticator(authenticator).build();
      return new SyncerServer(this, server);
    }
  }
}
