package io.syncer.core.jakarta;

import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.SessionAcceptor;
import io.syncer.core.transport.SessionListener;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Jakarta endpoint behind both adapters: hands every text message to the Syncer listener
 * of its connection. The listener queues work for its own executor, so container threads never
 * wait on room or session work.
 *
 * <p>Public only because containers invoke it reflectively; create it through {@link
 * JakartaServerEndpoint} or {@link JakartaClient}.
 *
 * <p>Thread-safety: one instance per connection; the container serializes its callbacks.
 */
public final class TextEndpoint extends Endpoint {

  private static final Logger log = LoggerFactory.getLogger(TextEndpoint.class);
  private static final String LISTENER = SessionListener.class.getName();

  private final SessionAcceptor acceptor;
  private final JakartaOptions options;

  TextEndpoint(SessionAcceptor acceptor, JakartaOptions options) {
    this.acceptor = acceptor;
    this.options = options;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    session.setMaxTextMessageBufferSize(options.maxMessageBytes());
    session.setMaxBinaryMessageBufferSize(1024);
    session.getAsyncRemote().setSendTimeout(options.sendTimeout().toMillis());
    SessionListener listener =
        acceptor.open(new JakartaSession(session, options.remoteAddress().apply(session)));
    session.getUserProperties().put(LISTENER, listener);
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) listener::onText);
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Whole<ByteBuffer>)
            binary -> listener.onRejected(SessionListener.Rejection.NOT_TEXT));
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    if (session.getUserProperties().get(LISTENER) instanceof SessionListener listener) {
      listener.onClosed(
          CloseCode.of(closeReason.getCloseCode().getCode()), closeReason.getReasonPhrase());
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    // The container closes the session after such errors (a message larger than its buffer gets
    // close 1009) and then calls onClose, which tells the listener.
    log.info("websocket error on session {}: {}", session.getId(), error.toString());
  }
}
