package io.syncer.player.media;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a backend's events to its listeners on one thread, in order, so that a slow or failing
 * listener never stalls decoding or the IPC reader.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class EventDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

  private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          work -> {
            Thread events = new Thread(work, "syncer-player-events");
            events.setDaemon(true);
            return events;
          });

  void add(PlayerListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void remove(PlayerListener listener) {
    listeners.remove(listener);
  }

  void emit(PlayerEvent event) {
    try {
      thread.execute(
          () -> {
            for (PlayerListener listener : listeners) {
              try {
                listener.onEvent(event);
              } catch (RuntimeException e) {
                log.warn("A player listener failed on {}", event, e);
              }
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("Player closed; dropping {}", event);
    }
  }

  /** Delivers what is queued, then stops the thread (waiting at most 2 s for listeners). */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
        log.warn("A player listener did not return within 2 s of close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static double requireRate(double rate) {
    if (!(rate >= PlayerBackend.MIN_RATE && rate <= PlayerBackend.MAX_RATE)) {
      throw new IllegalArgumentException(
          "rate must be between " + PlayerBackend.MIN_RATE + " and " + PlayerBackend.MAX_RATE + ": " + rate);
    }
    return rate;
  }

  static double requireVolume(double volume) {
    if (!(volume >= 0.0 && volume <= 1.0)) {
      throw new IllegalArgumentException("volume must be between 0 and 1: " + volume);
    }
    return volume;
  }
}
