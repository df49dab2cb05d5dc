package io.syncer.core.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The timer thread participant sessions share when none is given: one daemon thread, alive as
 * long as the JVM, whose tasks only hand work to the sessions' executors.
 */
enum DefaultTimer {
  INSTANCE;

  final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "syncer-participant-timer");
            thread.setDaemon(true);
            return thread;
          });
}
