package io.syncer.player.testing;

import io.syncer.player.media.PlayerEvent;
import io.syncer.player.media.PlayerListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Collects a player's events so a test can wait for the next one of a kind. */
public final class EventRecorder implements PlayerListener {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final BlockingQueue<PlayerEvent> pending = new LinkedBlockingQueue<>();
  private final List<PlayerEvent> all = new ArrayList<>();

  @Override
  public void onEvent(PlayerEvent event) {
    synchronized (all) {
      all.add(event);
    }
    pending.add(event);
  }

  /** Waits for the next event of {@code type}, skipping others; fails after 20 s. */
  public <T extends PlayerEvent> T next(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<PlayerEvent> skipped = new ArrayList<>();
    while (true) {
      PlayerEvent event = pending.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("no " + type.getSimpleName() + " event within " + TIMEOUT + "; saw " + skipped);
      }
      if (type.isInstance(event)) {
        return type.cast(event);
      }
      if (event instanceof PlayerEvent.Failed failed && type != PlayerEvent.Failed.class) {
        throw new AssertionError("player failed while waiting for " + type.getSimpleName() + ": " + failed.message());
      }
      skipped.add(event);
    }
  }

  /** Forgets events not yet waited for. */
  public void clear() {
    pending.clear();
  }

  public List<PlayerEvent> all() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }
}
