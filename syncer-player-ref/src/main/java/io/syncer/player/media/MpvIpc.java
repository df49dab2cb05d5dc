package io.syncer.player.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mpv's JSON IPC over its Unix domain socket: one JSON object per line each way. Replies are
 * matched to requests by {@code request_id}; everything else (events, property changes) goes to
 * the message handler, on the reader thread.
 *
 * <p>Thread-safety: {@link #command} may be called from any thread; writes are serialized.
 */
final class MpvIpc implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MpvIpc.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SocketChannel channel;
  private final Consumer<JsonNode> onMessage;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong nextRequestId = new AtomicLong(1);
  private final Thread reader;

  private MpvIpc(SocketChannel channel, Consumer<JsonNode> onMessage) {
    this.channel = channel;
    this.onMessage = onMessage;
    this.reader = new Thread(this::read, "syncer-mpv-ipc");
    reader.setDaemon(true);
  }

  /** Connects once mpv has created its socket, waiting up to {@code timeoutMillis}. */
  static MpvIpc connect(Path socket, long timeoutMillis, Consumer<JsonNode> onMessage)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      if (Files.exists(socket)) {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
          channel.connect(UnixDomainSocketAddress.of(socket));
          MpvIpc ipc = new MpvIpc(channel, onMessage);
          ipc.reader.start();
          return ipc;
        } catch (IOException e) {
          channel.close();
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
      } else if (System.nanoTime() > deadline) {
        throw new IOException("mpv did not open its IPC socket " + socket);
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** Sends {@code command} (mpv's argument list); the future completes with mpv's reply. */
  CompletableFuture<JsonNode> command(Object... arguments) {
    long id = nextRequestId.getAndIncrement();
    ObjectNode request = JSON.createObjectNode();
    ArrayNode list = request.putArray("command");
    for (Object argument : arguments) {
      list.addPOJO(argument);
    }
    request.put("request_id", id);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      byte[] line = (JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
      synchronized (channel) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (IOException e) {
      pending.remove(id);
      reply.completeExceptionally(e);
    }
    return reply;
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        JsonNode message;
        try {
          message = JSON.readTree(line);
        } catch (IOException e) {
          log.warn("Ignoring a line from mpv that is not JSON: {}", line);
          continue;
        }
        JsonNode id = message.get("request_id");
        CompletableFuture<JsonNode> reply = id == null || message.has("event") ? null : pending.remove(id.asLong());
        if (reply != null) {
          reply.complete(message);
        } else {
          onMessage.accept(message);
        }
      }
    } catch (IOException e) {
      log.debug("mpv IPC closed", e);
    } finally {
      pending.values().forEach(reply -> reply.completeExceptionally(new IOException("mpv exited")));
      onMessage.accept(JSON.createObjectNode().put("event", "ipc-closed"));
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
      reader.join(2_000);
    } catch (IOException e) {
      log.debug("Closing mpv IPC", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
