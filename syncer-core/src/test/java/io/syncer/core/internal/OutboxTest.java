package io.syncer.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class OutboxTest {

  /** A session whose sends complete only when the test says so. */
  static final class HeldSession implements Session {
    final List<String> sent = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    CloseCode closedWith;

    @Override
    public String id() {
      return "held";
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
      return Optional.empty();
    }

    @Override
    public void sendText(String text, Consumer<Throwable> completion) {
      assertThat(pending).as("one send in flight at a time").isEmpty();
      sent.add(text);
      pending.add(completion);
    }

    void completeOne() {
      pending.remove(0).accept(null);
    }

    @Override
    public void close(CloseCode code, String reason) {
      closedWith = code;
    }
  }

  private final Executor inline = Runnable::run;

  @Test
  void keepsOneSendInFlightAndPreservesOrder() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox(session, inline, 10, 1_000);
    outbox.send("a");
    outbox.send("b");
    outbox.send("c");
    assertThat(session.sent).containsExactly("a");
    session.completeOne();
    session.completeOne();
    session.completeOne();
    assertThat(session.sent).containsExactly("a", "b", "c");
    assertThat(outbox.queuedMessages()).isZero();
  }

  @Test
  void closesASlowReaderWhenTheQueueOverflows() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox(session, inline, 3, 1_000);
    assertThat(outbox.send("1")).isTrue();
    assertThat(outbox.send("2")).isTrue();
    assertThat(outbox.send("3")).isTrue();
    assertThat(outbox.send("4")).isFalse();
    assertThat(session.closedWith).isEqualTo(CloseCode.POLICY_VIOLATION);
    assertThat(outbox.send("5")).isFalse();
    assertThat(session.sent).containsExactly("1");
  }

  @Test
  void byteLimitAlsoCounts() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox(session, inline, 100, 10);
    assertThat(outbox.send("12345")).isTrue();
    assertThat(outbox.send("123456")).isFalse();
    assertThat(outbox.isClosed()).isTrue();
  }

  @Test
  void closeAfterFlushDeliversQueuedMessagesFirst() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox(session, inline, 10, 1_000);
    outbox.send("error");
    outbox.closeAfterFlush(CloseCode.TOO_LARGE, "too large");
    assertThat(session.closedWith).isNull();
    assertThat(outbox.send("late")).isFalse();
    session.completeOne();
    assertThat(session.sent).containsExactly("error");
    assertThat(session.closedWith).isEqualTo(CloseCode.TOO_LARGE);
  }

  @Test
  void aFailedSendClosesTheSession() {
    HeldSession session = new HeldSession();
    Outbox outbox = new Outbox(session, inline, 10, 1_000);
    outbox.send("a");
    outbox.send("b");
    session.pending.remove(0).accept(new java.io.IOException("reset"));
    assertThat(session.closedWith).isEqualTo(CloseCode.GOING_AWAY);
    assertThat(session.sent).containsExactly("a");
  }
}
