package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.server.SyncerServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeadlessParticipantTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return HeadlessParticipant.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          WS --create --script play@0s,pause@5       | step 2 'pause@5': '5' is not a duration
          WS --create --script seek=forever@1s       | 'forever' is not a duration
          WS --room 7K3M9QXA2B --script play@0s      | --script needs --create
          WS --create --room 7K3M9QXA2B              | mutually exclusive
          WS                                         | --create
          --create                                   | --server
          --server http://127.0.0.1:1/ws/v1 --create | must be a ws:// or wss:// URL
          WS --room no!                              | 'no!' is not a room code
          WS --create --clock-skew-ppm 50000         | --clock-skew-ppm must be within
          WS --create --clock-offset-ms 999999999    | --clock-offset-ms must be within a day
          WS --create --await-members 0              | --await-members must be 1..1000
          WS --create --duration soon                | 'soon' is not a duration
          WS --create --position-report sometimes    | expected one of [FRAME, CLOCK]
          WS --create --name LONG_NAME               | --name must be 1..64 characters
          WS --create --engine mpv                   | expected one of [VIRTUAL, FFMPEG]
          WS --create --media magnet:?xt=urn:btih:00 | --media needs --create and --engine ffmpeg
          WS --room 7K3M9QXA2B --engine ffmpeg --media m.torrent | --media needs --create
          WS --create --register                     | --password and --register need --user
          """)
  void aBadCommandLineIsExitCodeTwoWithAClearMessageAndNoStackTrace(String args, String expected) {
    // WS stands for a server option, LONG_NAME for a name longer than allowed.
    String expanded =
        args.replace("WS", "--server ws://127.0.0.1:1/ws/v1").replace("LONG_NAME", "n".repeat(65));
    int code = run(expanded.strip().split(" +"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(expected)
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
  }

  @Test
  void anUnreachableServerIsExitCodeOneWithAClearMessage() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    int code = run("--server", "ws://127.0.0.1:" + closedPort + "/ws/v1", "--create");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("cannot connect to ws://127.0.0.1:" + closedPort)
        .doesNotContain("\tat ");
  }

  @Test
  void createsARoomPrintsItsCodeAndLeavesWhenItsTimeIsUp() throws Exception {
    try (SyncerServer server = SyncerServer.builder().host("127.0.0.1").port(0).build().start()) {
      Path trace = dir.resolve("trace.jsonl");
      int code = run("--server", server.webSocketUri().toString(), "--create", "--name", "solo",
          "--duration", "1s", "--trace", trace.toString());
      assertThat(code).isZero();
      assertThat(out.toString()).matches("ROOM [0-9A-Z]{8,16}\\R");
      assertThat(TraceComparison.read(trace).samples()).hasSizeGreaterThan(10);
      for (int i = 0; i < 100 && server.rooms().connectionCount() > 0; i++) {
        Thread.sleep(50);
      }
      assertThat(server.rooms().connectionCount()).as("the owner hung up").isZero();
    }
  }

  @Test
  void theOwnersScriptDrivesAMemberAndTheMemberLeavesWithTheOwner() throws Exception {
    try (SyncerServer server = SyncerServer.builder().host("127.0.0.1").port(0).build().start()) {
      String ws = server.webSocketUri().toString();
      StringWriter ownerOut = new StringWriter();
      CompletableFuture<Integer> owner =
          CompletableFuture.supplyAsync(
              () -> HeadlessParticipant.run(new PrintWriter(ownerOut, true),
                  new PrintWriter(new StringWriter(), true),
                  "--server", ws, "--create", "--await-members", "2",
                  "--script", "play@0s,seek=100s@2s,end@4s"));
      String room = awaitRoom(ownerOut);
      Path trace = dir.resolve("member.jsonl");
      int member =
          run("--server", ws, "--room", room, "--duration", "1m", "--trace", trace.toString());
      assertThat(member).as(err.toString()).isZero();
      assertThat(owner.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(TraceComparison.read(trace).samples())
          .as("the member followed the owner's seek")
          .anyMatch(s -> !s.paused() && s.positionMicros() >= 100_000_000L);
    }
  }

  @Test
  void aRoomThatDoesNotExistIsExitCodeOne() throws Exception {
    try (SyncerServer server = SyncerServer.builder().host("127.0.0.1").port(0).build().start()) {
      int code = run("--server", server.webSocketUri().toString(), "--room", "7K3M9QXA2B");
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("room_not_found").doesNotContain("\tat ");
    }
  }

  @Test
  void anUnwritableTraceIsExitCodeOne() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    int code = run("--server", "ws://127.0.0.1:1/", "--create",
        "--trace", notADirectory.resolve("trace.jsonl").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("cannot write the trace").doesNotContain("\tat ");
  }

  private static String awaitRoom(StringWriter ownerOut) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      String text = ownerOut.toString();
      if (text.startsWith("ROOM ")) {
        return text.substring(5).strip();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the owner printed no ROOM line");
  }
}
