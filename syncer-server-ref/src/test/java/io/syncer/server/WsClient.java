package io.syncer.server;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.Welcome;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A protocol client over a real WebSocket (Tyrus client through Syncer's Jakarta adapter). */
final class WsClient implements SessionListener {

  static final long WAIT_SECONDS = 20;
  private static final MessageCodec CODEC = MessageCodec.create();

  private final List<ServerMessage> received = new ArrayList<>();
  private final List<Long> receivedAtMicros = new ArrayList<>();
  final CompletableFuture<CloseCode> closed = new CompletableFuture<>();
  private Session session;
  private jakarta.websocket.Session jakartaSession;

  static WsClient connect(WebSocketContainer container, URI uri) throws Exception {
    WsClient client = new WsClient();
    client.jakartaSession =
        JakartaClient.connect(
            container,
            uri,
            session -> {
              client.session = session;
              return client;
            },
            JakartaOptions.defaults());
    return client;
  }

  /** Connects and says hello; returns once welcomed. */
  static WsClient arrive(WebSocketContainer container, URI uri, String name) throws Exception {
    WsClient client = connect(container, uri);
    client.send(hello(name, Optional.empty()));
    client.await(Welcome.class);
    return client;
  }

  static Hello hello(String name, Optional<String> resume) {
    return new Hello(
        Message.PROTOCOL_VERSION, "it/1", Optional.of(name), Optional.empty(), resume,
        OptionalLong.empty());
  }

  void send(ClientMessage message) {
    sendRaw(CODEC.encode(message));
  }

  void sendRaw(String text) {
    session.sendText(text, failure -> {});
  }

  void sendBinary(byte[] bytes) throws Exception {
    jakartaSession.getBasicRemote().sendBinary(java.nio.ByteBuffer.wrap(bytes));
  }

  void close() throws Exception {
    if (jakartaSession.isOpen()) {
      jakartaSession.close();
    }
  }

  @Override
  public synchronized void onText(String text) {
    try {
      received.add(CODEC.decodeFromServer(text));
      receivedAtMicros.add(System.nanoTime() / 1_000);
      notifyAll();
    } catch (ProtocolException e) {
      throw new AssertionError("undecodable server message: " + text, e);
    }
  }

  @Override
  public void onRejected(Rejection rejection) {
    throw new AssertionError("server sent a non-text message: " + rejection);
  }

  @Override
  public void onClosed(CloseCode code, String reason) {
    closed.complete(code);
  }

  /** The member id this client was welcomed with, or null before the welcome. */
  synchronized String memberIdOrNull() {
    for (ServerMessage message : received) {
      if (message instanceof Welcome welcome) {
        return welcome.memberId();
      }
    }
    return null;
  }

  <T extends ServerMessage> T await(Class<T> type) throws InterruptedException {
    return await(type, any -> true);
  }

  /** The first message of this type matching {@code condition}, waiting for it if needed. */
  synchronized <T extends ServerMessage> T await(Class<T> type, Predicate<T> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      for (ServerMessage message : received) {
        if (type.isInstance(message) && condition.test(type.cast(message))) {
          return type.cast(message);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching " + type.getSimpleName() + " among "
            + received.stream().map(m -> m.type().wireName()).toList());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** When (on {@link System#nanoTime()}, µs) the first matching message arrived. */
  synchronized <T extends ServerMessage> long receivedAt(Class<T> type, Predicate<T> condition) {
    for (int i = 0; i < received.size(); i++) {
      ServerMessage message = received.get(i);
      if (type.isInstance(message) && condition.test(type.cast(message))) {
        return receivedAtMicros.get(i);
      }
    }
    throw new AssertionError("no matching " + type.getSimpleName());
  }

  synchronized <T extends ServerMessage> List<T> all(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (ServerMessage message : received) {
      if (type.isInstance(message)) {
        matching.add(type.cast(message));
      }
    }
    return matching;
  }

  CloseCode awaitClosed() throws Exception {
    return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
