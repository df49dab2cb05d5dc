package io.syncer.player.headless;

import java.util.concurrent.ThreadFactory;

/** Threads of the headless participant: named, and never keeping the JVM alive on their own. */
final class Threads {

  private Threads() {}

  /** A factory of daemon threads called {@code name}. */
  static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
