package io.syncer.player.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that real threads make true, failing with a description after a timeout. */
public final class Await {

  private Await() {}

  /** Polls {@code condition} every 10 ms until it holds; fails after {@code timeout}. */
  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatFailed)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + whatFailed.get());
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }
}
