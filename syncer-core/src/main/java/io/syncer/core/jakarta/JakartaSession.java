package io.syncer.core.jakarta;

import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Jakarta WebSocket session seen through Syncer's transport SPI. */
final class JakartaSession implements Session {

  private static final Logger log = LoggerFactory.getLogger(JakartaSession.class);

  /** RFC 6455 allows 123 bytes of close reason. */
  private static final int MAX_REASON_BYTES = 123;

  private final jakarta.websocket.Session session;
  private final Optional<InetSocketAddress> remoteAddress;

  JakartaSession(jakarta.websocket.Session session, Optional<InetSocketAddress> remoteAddress) {
    this.session = session;
    this.remoteAddress = remoteAddress;
  }

  @Override
  public String id() {
    return session.getId();
  }

  @Override
  public Optional<InetSocketAddress> remoteAddress() {
    return remoteAddress;
  }

  @Override
  public void sendText(String text, Consumer<Throwable> completion) {
    try {
      session.getAsyncRemote().sendText(
          text, result -> completion.accept(result.isOK() ? null : result.getException()));
    } catch (RuntimeException closedOrBusy) {
      completion.accept(closedOrBusy);
    }
  }

  @Override
  public void close(CloseCode code, String reason) {
    if (!session.isOpen()) {
      return;
    }
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), fit(reason)));
    } catch (IOException | RuntimeException alreadyGone) {
      log.debug("closing session {}: {}", id(), alreadyGone.toString());
    }
  }

  private static String fit(String reason) {
    byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_REASON_BYTES) {
      return reason;
    }
    int end = reason.length();
    while (reason.substring(0, end).getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
      end--;
    }
    return reason.substring(0, end);
  }
}
