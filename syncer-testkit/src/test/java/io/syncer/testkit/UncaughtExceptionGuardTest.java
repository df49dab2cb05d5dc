package io.syncer.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UncaughtExceptionGuardTest {

  @Test
  void backgroundThreadFailureIsReportedWithItsThreadName() throws InterruptedException {
    Thread worker = new Thread(() -> {
      throw new IllegalStateException("boom in background");
    }, "room-actor-7");
    worker.start();
    worker.join();

    assertThatThrownBy(UncaughtExceptionGuard::throwIfAny)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("room-actor-7")
        .hasMessageContaining("boom in background");
  }

  @Test
  void nothingToReportWhenNoThreadFailed() {
    UncaughtExceptionGuard.throwIfAny();
  }
}
