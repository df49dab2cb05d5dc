package io.syncer.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the running test (or test class) when any thread dies of an uncaught exception.
 *
 * <p>Background threads (Netty loops, room actors, timers) that throw would otherwise only print a
 * stack trace and let the test pass. The guard is registered for every test through JUnit's
 * extension auto-detection ({@code META-INF/services}); surefire enables auto-detection in the root
 * pom. Threads that install their own handler are not covered, by design: they chose to handle it.
 *
 * <p>Thread-safety: safe for concurrent use; failures are collected in a lock-free queue.
 */
public final class UncaughtExceptionGuard
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private static final ConcurrentLinkedQueue<Failure> FAILURES = new ConcurrentLinkedQueue<>();

  private record Failure(String threadName, Throwable error) {}

  static {
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> FAILURES.add(new Failure(thread.getName(), error)));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Loading the class installs the handler; nothing else to do per class.
  }

  @Override
  public void afterEach(ExtensionContext context) {
    throwIfAny();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    throwIfAny();
  }

  /** Throws an {@link AssertionError} naming every uncaught exception seen since the last check. */
  public static void throwIfAny() {
    List<Failure> seen = new ArrayList<>();
    for (Failure f; (f = FAILURES.poll()) != null; ) {
      seen.add(f);
    }
    if (seen.isEmpty()) {
      return;
    }
    AssertionError error =
        new AssertionError(
            seen.size() + " uncaught exception(s) in background threads, first in thread '"
                + seen.get(0).threadName() + "': " + seen.get(0).error());
    seen.forEach(f -> error.addSuppressed(f.error()));
    throw error;
  }
}
