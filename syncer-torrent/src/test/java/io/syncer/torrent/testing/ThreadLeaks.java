package io.syncer.torrent.testing;

import java.util.Set;
import java.util.stream.Collectors;

/** Non-daemon threads started after a baseline and still alive: what a test failed to stop. */
public final class ThreadLeaks {
  private final Set<Thread> baseline;

  private ThreadLeaks(Set<Thread> baseline) {
    this.baseline = baseline;
  }

  public static ThreadLeaks baseline() {
    return new ThreadLeaks(liveNonDaemon());
  }

  /** Waits up to 10 s for threads started since the baseline to end; returns the survivors' names. */
  public Set<String> survivors() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    Set<Thread> extra;
    do {
      extra = liveNonDaemon();
      extra.removeAll(baseline);
      if (extra.isEmpty()) {
        break;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    return extra.stream().map(Thread::getName).collect(Collectors.toSet());
  }

  private static Set<Thread> liveNonDaemon() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }
}
