package io.syncer.torrent.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Netty HTTP/1.1 server for media players: {@code GET} and {@code HEAD} with single byte
 * ranges ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}), 206 with {@code Content-Range},
 * 416 when unsatisfiable, keep-alive, and clients that drop the connection mid-body (players
 * reconnect on every seek: the abandoned reader is closed at once).
 *
 * <p>Sources are published under a path of two segments, {@code /a/b}; anything after them (a
 * file name, for players that guess the format from it) is ignored.
 *
 * <p>Threads: one Netty event loop, and a pool of daemon reader threads (one per response body
 * being sent, since reads block until the bytes are downloaded), at most {@link #MAX_READERS}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class HttpStreamServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpStreamServer.class);
  static final int MAX_READERS = 64;
  private static final int CHUNK = 64 * 1024;
  private static final int IDLE_SECONDS = 300;

  private final EventLoopGroup group;
  private final ThreadPoolExecutor readers;
  private final Channel serverChannel;
  private final Map<String, RangeSource> sources = new ConcurrentHashMap<>();

  private HttpStreamServer(InetAddress address, int port) throws IOException {
    group = new MultiThreadIoEventLoopGroup(
        1, new DefaultThreadFactory("syncer-stream-http", true), NioIoHandler.newFactory());
    readers = new ThreadPoolExecutor(0, MAX_READERS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        new DefaultThreadFactory("syncer-stream-http-reader", true));
    try {
      serverChannel = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              channel.pipeline()
                  .addLast(new HttpServerCodec(4096, 8192, 8192))
                  .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS))
                  .addLast(new RequestHandler());
            }
          })
          .bind(address, port)
          .syncUninterruptibly()
          .channel();
    } catch (RuntimeException e) {
      close();
      throw new IOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** Listens on {@code address}; port 0 picks a free one. */
  public static HttpStreamServer start(InetAddress address, int port) throws IOException {
    return new HttpStreamServer(address, port);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Serves {@code source} under {@code path} ("/a/b"). */
  public void publish(String path, RangeSource source) {
    sources.put(path, source);
  }

  public void unpublish(String path) {
    sources.remove(path);
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    readers.shutdownNow();
    try {
      readers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Per connection; runs on the event loop except for the body reads. */
  private final class RequestHandler extends SimpleChannelInboundHandler<HttpObject> {
    private Body body;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
      if (!(message instanceof HttpRequest request)) {
        return; // request bodies are not used
      }
      if (request.decoderResult().isFailure()) {
        LOG.info("HTTP 400 to {}: {}", ctx.channel().remoteAddress(), request.decoderResult().cause().getMessage());
        sendError(ctx, HttpResponseStatus.BAD_REQUEST, "malformed request", false);
        return;
      }
      if (body != null) {
        LOG.info("HTTP request pipelined behind an unfinished response from {}; closing", ctx.channel().remoteAddress());
        ctx.close();
        return;
      }
      try {
        respond(ctx, request);
      } catch (RuntimeException e) {
        LOG.warn("HTTP request {} {} failed", request.method(), request.uri(), e);
        sendError(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", false);
      }
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest request) {
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      boolean head = HttpMethod.HEAD.equals(request.method());
      if (!head && !HttpMethod.GET.equals(request.method())) {
        FullHttpResponse response = error(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET or HEAD");
        response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
        send(ctx, response, keepAlive);
        return;
      }
      RangeSource source = sources.get(sourceKey(request.uri()));
      if (source == null) {
        sendError(ctx, HttpResponseStatus.NOT_FOUND, "no such stream", keepAlive);
        return;
      }
      long length = source.length();
      RangeRequest range = RangeRequest.parse(request.headers().get(HttpHeaderNames.RANGE), length);
      switch (range.kind()) {
        case MALFORMED -> {
          LOG.info("HTTP 400 to {}: malformed Range '{}'", ctx.channel().remoteAddress(),
              request.headers().get(HttpHeaderNames.RANGE));
          sendError(ctx, HttpResponseStatus.BAD_REQUEST, "malformed Range header", keepAlive);
          return;
        }
        case UNSATISFIABLE -> {
          FullHttpResponse response =
              error(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range not satisfiable");
          response.headers().set(HttpHeaderNames.CONTENT_RANGE, "bytes */" + length);
          send(ctx, response, keepAlive);
          return;
        }
        default -> { }
      }
      boolean partial = range.kind() == RangeRequest.Kind.PARTIAL;
      long count = length == 0 ? 0 : range.length();
      HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
          partial ? HttpResponseStatus.PARTIAL_CONTENT : HttpResponseStatus.OK);
      response.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, source.contentType())
          .set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES)
          .set(HttpHeaderNames.CONTENT_LENGTH, count);
      if (partial) {
        response.headers().set(HttpHeaderNames.CONTENT_RANGE,
            "bytes " + range.start() + "-" + range.end() + "/" + length);
      }
      HttpUtil.setKeepAlive(response, keepAlive);
      if (head || count == 0) {
        ctx.write(response);
        finish(ctx, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        return;
      }
      ReadableByteChannel reader;
      try {
        reader = source.open(range.start());
      } catch (IOException e) {
        LOG.info("HTTP 503 to {}: {}", ctx.channel().remoteAddress(), e.toString());
        sendError(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "stream unavailable", keepAlive);
        return;
      }
      Body started = new Body(ctx, reader, count, keepAlive);
      // Reading stays on while the body streams: it is how a client's hang-up is noticed.
      body = started;
      ctx.writeAndFlush(response).addListener(future -> {
        if (future.isSuccess()) {
          started.next();
        } else {
          started.abort();
        }
      });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (body != null) {
        body.abort();
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof IdleStateEvent) {
        ctx.close();
      } else {
        ctx.fireUserEventTriggered(event);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }

    /** Streams one response body: read a chunk on a reader thread, write it, repeat. */
    private final class Body {
      private final ChannelHandlerContext ctx;
      private final ReadableByteChannel reader;
      private final boolean keepAlive;
      private long remaining;
      private volatile boolean aborted;

      Body(ChannelHandlerContext ctx, ReadableByteChannel reader, long count, boolean keepAlive) {
        this.ctx = ctx;
        this.reader = reader;
        this.remaining = count;
        this.keepAlive = keepAlive;
      }

      void next() {
        if (aborted) {
          return;
        }
        try {
          readers.execute(this::sendChunk);
        } catch (RejectedExecutionException e) {
          LOG.warn("HTTP: all {} reader threads busy; closing {}", MAX_READERS, ctx.channel().remoteAddress());
          abort();
        }
      }

      private void sendChunk() {
        int size = (int) Math.min(CHUNK, remaining);
        ByteBuf chunk = ctx.alloc().buffer(size);
        try {
          ByteBuffer target = chunk.nioBuffer(0, size);
          int read = 0;
          while (read == 0 && !aborted) {
            read = reader.read(target);
          }
          if (read < 0) {
            throw new IOException("source ended " + remaining + " bytes early");
          }
          chunk.writerIndex(target.position());
        } catch (IOException | RuntimeException e) {
          chunk.release();
          if (!aborted) {
            LOG.info("HTTP body to {} cut short: {}", ctx.channel().remoteAddress(), e.toString());
          }
          abort();
          return;
        }
        if (aborted) {
          chunk.release();
          return;
        }
        remaining -= chunk.readableBytes();
        if (remaining == 0) {
          closeReader();
          // On the event loop, so the connection is free again before the client can possibly
          // have received the last bytes and sent its next request.
          ctx.executor().execute(() -> {
            body = null;
            finish(ctx, ctx.writeAndFlush(new DefaultLastHttpContent(chunk)), keepAlive);
          });
          return;
        }
        ctx.writeAndFlush(new DefaultHttpContent(chunk)).addListener(future -> {
          if (future.isSuccess()) {
            next();
          } else {
            abort();
          }
        });
      }

      void abort() {
        aborted = true;
        closeReader();
        ctx.close();
      }

      private void closeReader() {
        try {
          reader.close();
        } catch (IOException e) {
          LOG.debug("closing a stream reader failed", e);
        }
      }
    }
  }

  private static void finish(ChannelHandlerContext ctx, ChannelFuture written, boolean keepAlive) {
    if (keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    } else {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** "/a/b" from "/a/b/anything?query", or "" if the path has fewer than two segments. */
  static String sourceKey(String uri) {
    String path;
    try {
      path = new QueryStringDecoder(uri).path();
    } catch (IllegalArgumentException e) {
      return "";
    }
    int first = path.indexOf('/', 1);
    if (!path.startsWith("/") || first < 0) {
      return "";
    }
    int second = path.indexOf('/', first + 1);
    return second < 0 ? path : path.substring(0, second);
  }

  private static void sendError(
      ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive) {
    send(ctx, error(status, message), keepAlive);
  }

  private static FullHttpResponse error(HttpResponseStatus status, String message) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(message + "\n", StandardCharsets.UTF_8));
    response.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    return response;
  }

  private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    HttpUtil.setKeepAlive(response, keepAlive);
    finish(ctx, ctx.writeAndFlush(response), keepAlive);
  }
}
