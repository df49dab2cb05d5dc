package io.syncer.player.room;

import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ending a room connection the way both the desktop and the headless player do.
 *
 * <p>Thread-safety: stateless; call from any thread (the call blocks).
 */
public final class RoomConnections {

  private static final Logger log = LoggerFactory.getLogger(RoomConnections.class);

  private RoomConnections() {}

  /**
   * Gives the session's goodbye up to {@code grace} to reach the server and the server's close to
   * come back, then closes {@code connection} if it is still open. Null is a no-op.
   */
  public static void closeAfterGoodbye(Session connection, Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (connection != null && connection.isOpen() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (connection != null && connection.isOpen()) {
      try {
        connection.close();
      } catch (IOException e) {
        log.info("closing the room connection: {}", e.toString());
      }
    }
  }
}
