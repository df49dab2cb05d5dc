package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.testing.TestSyncerServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a server that requires accounts, the headless participant logs in first. */
class HeadlessAccountsTest {

  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dir;

  @Test
  void registersLogsInAndCreatesARoomButAWrongPasswordIsExitCodeOne() throws Exception {
    try (TestSyncerServer server = new TestSyncerServer(dir)) {
      String ws = server.webSocketUri().toString();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int created = HeadlessParticipant.run(new PrintWriter(out, true), new PrintWriter(err, true),
          "--server", ws, "--user", "alice", "--password", PASSWORD, "--register", "--create",
          "--duration", "1s");
      assertThat(created).as(err.toString()).isZero();
      assertThat(out.toString()).containsPattern("(?m)^ROOM \\S+$");

      StringWriter refused = new StringWriter();
      int wrong = HeadlessParticipant.run(new PrintWriter(new StringWriter(), true), new PrintWriter(refused, true),
          "--server", ws, "--user", "alice", "--password", "not the password", "--create");
      assertThat(wrong).isEqualTo(1);
      assertThat(refused.toString())
          .contains("cannot log in as alice")
          .doesNotContain("not the password")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void withoutALogInTheServerRefusesTheRoomAndItSaysSo() throws Exception {
    try (TestSyncerServer server = new TestSyncerServer(dir)) {
      StringWriter err = new StringWriter();
      int code = HeadlessParticipant.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
          "--server", server.webSocketUri().toString(), "--create");
      assertThat(code).isEqualTo(1);
      assertThat(err.toString()).contains("unauthorized").doesNotContain("\tat ");
    }
  }
}
