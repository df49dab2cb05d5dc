package io.syncer.benchmarks.jmh;

import io.syncer.benchmarks.client.ProtocolClient;
import io.syncer.benchmarks.client.RoomServerThreads;
import io.syncer.benchmarks.client.RoomSetup;
import io.syncer.benchmarks.client.WebSocketClients;
import io.syncer.core.room.RoomLimits;
import io.syncer.core.schedule.TaskScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.MemoryTransport;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.message.Seek;
import io.syncer.protocol.message.ServerMessage;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.time.MicroClock;
import io.syncer.server.SyncerServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sync latency: from the owner sending a command until every member of the room (the owner
 * included) has received and decoded the resulting {@code timeline} broadcast. The room authority
 * is the real one on real threads; the transport is the in-memory one (no network at all, so this
 * is the authority's own cost: decode, actor hops, encode once, fan out) or real WebSocket
 * connections on loopback.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SyncLatencyBenchmark}; {@code
 * SampleTime} reports p50/p99/p99.9 per room size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyncLatencyBenchmark {

  private static final long COMMAND_TIMEOUT_SECONDS = 5;

  @Param({"2", "8", "50"})
  public int members;

  @Param({"memory", "websocket"})
  public String transport;

  private final List<ProtocolClient> clients = new ArrayList<>();
  private ExecutorService completions;
  private Stopper stopTransport;
  private volatile CountDownLatch pending;
  private long position;

  @Setup(Level.Trial)
  public void openRoom() throws Exception {
    completions = Executors.newSingleThreadExecutor(RoomServerThreads.daemon("bench-client"));
    // The benchmark sends commands as fast as they complete: lift the per-client rate limit.
    RoomLimits limits = RoomLimits.builder().messageRate(1_000_000, 1_000_000).build();
    Connector connector =
        switch (transport) {
          case "memory" -> memory(limits);
          case "websocket" -> webSocket(limits);
          default -> throw new IllegalArgumentException("unknown transport " + transport);
        };
    for (int i = 0; i < members; i++) {
      ProtocolClient client = new ProtocolClient(completions, this::received, FAIL_ON_PROBLEMS);
      connector.connect(client);
      RoomSetup.hello(client, "bench/" + i);
      clients.add(client);
    }
    String code = RoomSetup.create(clients.get(0));
    for (ProtocolClient member : clients.subList(1, clients.size())) {
      RoomSetup.join(member, code);
    }
  }

  @TearDown(Level.Trial)
  public void closeRoom() throws Exception {
    clients.forEach(ProtocolClient::close);
    clients.clear();
    stopTransport.stop();
    completions.shutdownNow();
  }

  @Benchmark
  public void ownerCommandToAllMembers() throws InterruptedException {
    CountDownLatch all = new CountDownLatch(members);
    pending = all;
    position += 1_000_000;
    clients.get(0).send(new Seek(position));
    if (!all.await(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          all.getCount() + " of " + members + " members did not receive the command");
    }
  }

  private void received(ServerMessage message) {
    CountDownLatch current = pending;
    if (message instanceof TimelineUpdate && current != null) {
      current.countDown();
    }
  }

  /** Connects one client to the server under test. */
  @FunctionalInterface
  interface Connector {
    void connect(ProtocolClient client) throws Exception;
  }

  @FunctionalInterface
  interface Stopper {
    void stop() throws Exception;
  }

  private Connector memory(RoomLimits limits) {
    RoomServerThreads server = new RoomServerThreads(limits);
    ScheduledExecutorService wire =
        Executors.newSingleThreadScheduledExecutor(
            RoomServerThreads.daemon("bench-memory-transport"));
    TaskScheduler delivery = TaskScheduler.of(wire, MicroClock.system());
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", 40_000);
    stopTransport =
        () -> {
          server.close();
          wire.shutdownNow();
        };
    return client -> MemoryTransport.connect(server.rooms(), client, delivery, 0, address);
  }

  /** The reference server on a loopback port chosen by the system, Tyrus clients. */
  private Connector webSocket(RoomLimits limits) throws IOException {
    RoomServerThreads threads = new RoomServerThreads(limits);
    SyncerServer server =
        SyncerServer.builder().host("127.0.0.1").port(0).rooms(threads.rooms()).build().start();
    WebSocketClients sockets = new WebSocketClients(1, 2);
    URI uri = server.webSocketUri();
    stopTransport =
        () -> {
          server.stop();
          threads.close();
          sockets.close();
        };
    return client -> sockets.connect(uri, client);
  }

  static final ProtocolClient.Events FAIL_ON_PROBLEMS =
      new ProtocolClient.Events() {
        @Override
        public void closed(CloseCode code, String reason) {}

        @Override
        public void undecodable(String text, ProtocolException problem) {
          throw new IllegalStateException("server sent an undecodable message: " + text, problem);
        }
      };
}
