package io.syncer.benchmarks.client;

import io.syncer.protocol.message.CreateRoom;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.JoinRoom;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Welcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The handshakes that put connected {@link ProtocolClient}s into a room: {@code hello}, then
 * {@code create_room} for the owner or {@code join_room} for everyone else, each waiting for the
 * server's answer.
 *
 * <p>Thread-safety: stateless.
 */
public final class RoomSetup {

  private static final long ANSWER_TIMEOUT_SECONDS = 30;

  private RoomSetup() {}

  /** Says hello; returns the welcome. */
  public static Welcome hello(ProtocolClient client, String clientName) throws Exception {
    CompletableFuture<Welcome> welcome = client.next(Welcome.class);
    client.send(new Hello(clientName));
    return await(welcome, "welcome");
  }

  /** Creates a room; returns its code. */
  public static String create(ProtocolClient owner) throws Exception {
    CompletableFuture<RoomState> state = owner.next(RoomState.class);
    owner.send(new CreateRoom());
    return await(state, "room_state after create_room").code();
  }

  /** Joins the room {@code code}; returns the snapshot the server sent. */
  public static RoomState join(ProtocolClient member, String code) throws Exception {
    CompletableFuture<RoomState> state = member.next(RoomState.class);
    member.send(new JoinRoom(code));
    return await(state, "room_state after join_room");
  }

  private static <T> T await(CompletableFuture<T> future, String what) throws Exception {
    try {
      return future.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no " + what + " within " + ANSWER_TIMEOUT_SECONDS + " s");
    } catch (ExecutionException e) {
      throw new IllegalStateException("no " + what + ": " + e.getCause().getMessage(), e);
    }
  }
}
