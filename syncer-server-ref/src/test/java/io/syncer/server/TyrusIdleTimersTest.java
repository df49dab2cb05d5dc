package io.syncer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.room.RoomLimits;
import io.syncer.protocol.message.ClockRequest;
import io.syncer.protocol.message.ClockResponse;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.glassfish.tyrus.client.ClientManager;
import org.junit.jupiter.api.Test;

/**
 * Tyrus re-arms a session's idle timer on every message sent or received. The cancelled timers
 * must leave the container's timer queue at once: kept for the whole idle timeout (a minute) they
 * piled up by the hundred thousand under load and made most of the server's GC pauses.
 */
class TyrusIdleTimersTest {

  private static final int MESSAGES = 300;

  @Test
  void cancelledIdleTimersLeaveTheQueueAtOnce() throws Exception {
    SyncerServer server =
        SyncerServer.builder()
            .port(0)
            .limits(RoomLimits.builder().messageRate(2_000, 2_000).build())
            .build()
            .start();
    ClientManager clients = ClientManager.createClient();
    WsClient alice = null;
    try {
      alice = WsClient.arrive(clients, server.webSocketUri(), "Alice");
      // One at a time: the container refuses a second asynchronous send while one is in flight.
      for (int i = 1; i <= MESSAGES; i++) {
        long t0 = i;
        alice.send(new ClockRequest(t0));
        alice.await(ClockResponse.class, response -> response.t0Us() == t0);
      }

      // 300 requests in and 300 answers out re-armed the one session's timer 600 times.
      assertThat(server.tyrusTimers()).isInstanceOf(ScheduledThreadPoolExecutor.class);
      assertThat(((ScheduledThreadPoolExecutor) server.tyrusTimers()).getQueue())
          .hasSizeLessThan(10);
    } finally {
      if (alice != null) {
        alice.close();
      }
      clients.shutdown();
      server.stop();
    }
  }
}
