package io.syncer.player.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file over HTTP with Range support on 127.0.0.1 (OS-chosen port) and stops sending at
 * a given byte offset until released, like a torrent stream waiting for a piece.
 */
public final class StallingRangeServer implements AutoCloseable {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final byte[] content;
  private final long stallAt;
  private final CountDownLatch released = new CountDownLatch(1);
  private final CountDownLatch stalled = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private final HttpServer server;

  public StallingRangeServer(Path file, long stallAt) throws IOException {
    this.content = Files.readAllBytes(file);
    this.stallAt = stallAt;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/movie", this::serve);
    server.setExecutor(handlers);
    server.start();
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/movie");
  }

  /** True once a reader reached the stall offset, waiting at most 20 s. */
  public boolean awaitStalled() throws InterruptedException {
    return stalled.await(20, TimeUnit.SECONDS);
  }

  public void release() {
    released.countDown();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String range = exchange.getRequestHeaders().getFirst("Range");
      Matcher matcher = range == null ? null : RANGE.matcher(range);
      int start = matcher != null && matcher.find() ? (int) Math.min(Long.parseLong(matcher.group(1)), content.length) : 0;
      exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
      exchange.getResponseHeaders().set("Content-Type", "video/mp4");
      if (matcher != null) {
        exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        exchange.sendResponseHeaders(206, content.length - start);
      } else {
        exchange.sendResponseHeaders(200, content.length);
      }
      OutputStream body = exchange.getResponseBody();
      int position = start;
      while (position < content.length) {
        if (position >= stallAt && released.getCount() > 0) {
          body.flush();
          stalled.countDown();
          released.await();
        }
        int end = position < stallAt ? (int) Math.min(stallAt, content.length) : content.length;
        int length = Math.min(16 * 1024, end - position);
        body.write(content, position, length);
        position += length;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The player closed the connection (a seek, or the test ending): nothing left to send.
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
