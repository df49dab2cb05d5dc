package io.syncer.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.ServerMessage;
import java.util.ArrayList;
import java.util.List;

/** A scripted protocol client for authority tests: sends messages, records what comes back. */
final class TestClient implements SessionAcceptor, SessionListener {

  private static final MessageCodec CODEC = MessageCodec.create();

  final List<ServerMessage> received = new ArrayList<>();
  final List<String> receivedText = new ArrayList<>();
  Session session;
  CloseCode closedWith;

  @Override
  public SessionListener open(Session session) {
    this.session = session;
    return this;
  }

  void send(ClientMessage message) {
    sendRaw(CODEC.encode(message));
  }

  void sendRaw(String text) {
    session.sendText(text, failure -> {});
  }

  @Override
  public synchronized void onText(String text) {
    receivedText.add(text);
    try {
      received.add(CODEC.decodeFromServer(text));
    } catch (ProtocolException e) {
      throw new AssertionError("server sent an undecodable message: " + text, e);
    }
  }

  @Override
  public void onRejected(Rejection rejection) {
    throw new AssertionError("in-memory transport never rejects: " + rejection);
  }

  @Override
  public synchronized void onClosed(CloseCode code, String reason) {
    closedWith = code;
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

  <T extends ServerMessage> T last(Class<T> type) {
    List<T> matching = all(type);
    assertThat(matching).as("received a %s", type.getSimpleName()).isNotEmpty();
    return matching.get(matching.size() - 1);
  }

  ErrorMessage lastError() {
    return last(ErrorMessage.class);
  }

  synchronized void clear() {
    received.clear();
    receivedText.clear();
  }
}
