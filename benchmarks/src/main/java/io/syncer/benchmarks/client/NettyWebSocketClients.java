package io.syncer.benchmarks.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Many WebSocket client connections on a few threads, for the load generator: Netty's WebSocket
 * client over NIO, every connection on one event loop of a small group. A connection costs a
 * file descriptor, a few small objects and pooled buffers, no thread and no timer task per
 * message, so the generator spends its CPU on the protocol rather than on its transport. The
 * messages a connection receives are handed to its Syncer {@link SessionListener} on the
 * connection's event loop, in order.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #connect} blocks the caller for the
 * handshake only.
 */
public final class NettyWebSocketClients implements AutoCloseable {

  private static final long HANDSHAKE_TIMEOUT_MILLIS = 30_000;
  private static final int MAX_MESSAGE_BYTES = 4 * 64 * 1024;
  private static final int MAX_HANDSHAKE_BYTES = 16 * 1024;

  private final EventLoopGroup loops;
  private final Bootstrap bootstrap;

  /** @param threads event-loop threads shared by all connections */
  public NettyWebSocketClients(int threads) {
    loops =
        new MultiThreadIoEventLoopGroup(
            threads, RoomServerThreads.daemon("ws-client-loop"), NioIoHandler.newFactory());
    bootstrap =
        new Bootstrap()
            .group(loops)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) HANDSHAKE_TIMEOUT_MILLIS);
  }

  /**
   * Opens a connection to {@code uri} (subprotocol {@value JakartaOptions#SUBPROTOCOL}) and gives
   * it to {@code acceptor} once the handshake has completed; returns then, with the connection's
   * event loop: timers that send on this connection run there without a thread hand-over.
   */
  public ScheduledExecutorService connect(URI uri, SessionAcceptor acceptor) throws Exception {
    Connection connection = new Connection(acceptor);
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .subprotocol(JakartaOptions.SUBPROTOCOL)
            .maxFramePayloadLength(MAX_MESSAGE_BYTES)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
            // Close frames go to the connection, which keeps their code and reason.
            .handleCloseFrames(false)
            .build();
    bootstrap
        .clone()
        .handler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel channel) {
                channel
                    .pipeline()
                    .addLast(new HttpClientCodec())
                    .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_BYTES))
                    .addLast(new WebSocketClientProtocolHandler(config))
                    .addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
                    .addLast(connection);
              }
            })
        .connect(uri.getHost(), uri.getPort())
        .addListener(
            connected -> {
              if (!connected.isSuccess()) {
                connection.handshake.completeExceptionally(connected.cause());
              }
            });
    try {
      connection.handshake.get(HANDSHAKE_TIMEOUT_MILLIS + 1_000, TimeUnit.MILLISECONDS);
      return connection.channel.eventLoop();
    } catch (ExecutionException e) {
      throw new IllegalStateException("handshake failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no handshake within " + HANDSHAKE_TIMEOUT_MILLIS + " ms");
    }
  }

  /** Stops the event loops; connections still open are dropped. */
  @Override
  public void close() {
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * One connection: the last handler of its pipeline and its Syncer {@link Session}. Every field
   * but {@link #channel} and {@link #handshake} is touched only on the channel's event loop.
   */
  private static final class Connection extends SimpleChannelInboundHandler<WebSocketFrame>
      implements Session {

    final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final SessionAcceptor acceptor;
    private final AtomicBoolean closeSent = new AtomicBoolean();
    private volatile Channel channel;
    private SessionListener listener;
    private CloseCode closeCode = CloseCode.ABNORMAL;
    private String closeReason = "connection lost";

    Connection(SessionAcceptor acceptor) {
      this.acceptor = acceptor;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      channel = ctx.channel();
      super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        listener = acceptor.open(this);
        handshake.complete(null);
      } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        handshake.completeExceptionally(new TimeoutException("websocket handshake timed out"));
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame text) {
        listener.onText(text.text());
      } else if (frame instanceof CloseWebSocketFrame close) {
        closeCode = CloseCode.of(close.statusCode());
        closeReason = close.reasonText();
        if (closeSent.compareAndSet(false, true)) {
          ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""))
              .addListener(written -> ctx.close());
        } else {
          ctx.close();
        }
      } else {
        listener.onRejected(SessionListener.Rejection.NOT_TEXT);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      handshake.completeExceptionally(cause);
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      handshake.completeExceptionally(new IllegalStateException("connection closed"));
      if (listener != null) {
        listener.onClosed(closeCode, closeReason);
      }
      super.channelInactive(ctx);
    }

    @Override
    public String id() {
      return channel.id().asShortText();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
      return channel.remoteAddress() instanceof InetSocketAddress address
          ? Optional.of(address)
          : Optional.empty();
    }

    @Override
    public void sendText(String text, Consumer<Throwable> completion) {
      channel
          .writeAndFlush(new TextWebSocketFrame(text))
          .addListener(sent -> completion.accept(sent.isSuccess() ? null : sent.cause()));
    }

    @Override
    public void close(CloseCode code, String reason) {
      Channel open = channel;
      if (open.isActive() && closeSent.compareAndSet(false, true)) {
        open.writeAndFlush(new CloseWebSocketFrame(code.code(), reason))
            .addListener(written -> open.close());
      }
    }
  }
}
