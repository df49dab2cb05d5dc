package io.syncer.player.desktop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the desktop player's slow work (server calls, opening rooms) off the Swing event thread,
 * one task at a time, and hands results and failures back to the event thread.
 *
 * <p>Threads: one daemon thread, {@code syncer-desktop-work}. {@link #close()} stops it.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class Background implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Background.class);

  /** Work that may fail with a checked exception. */
  @FunctionalInterface
  interface Work<T> {
    T run() throws Exception;
  }

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "syncer-desktop-work");
            thread.setDaemon(true);
            return thread;
          });

  /** Runs {@code work}, then {@code done} with its result or {@code failed} with its exception, on the event thread. */
  <T> void run(Work<T> work, Consumer<T> done, Consumer<Exception> failed) {
    worker.execute(() -> {
      T result;
      try {
        result = work.run();
      } catch (Exception e) {
        if (e instanceof RuntimeException) {
          // A bug, not a refusal: its trace goes to the log, a sentence to the person.
          log.error("background work failed", e);
        }
        SwingUtilities.invokeLater(() -> failed.accept(e));
        return;
      }
      SwingUtilities.invokeLater(() -> done.accept(result));
    });
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
