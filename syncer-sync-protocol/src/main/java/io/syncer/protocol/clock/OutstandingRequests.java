package io.syncer.protocol.clock;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.OptionalLong;

/**
 * The {@code t0} of requests sent and not yet answered, so that forged, replayed or duplicated
 * responses are refused. Keeps the most recent {@value #CAPACITY}; older ones count as lost.
 */
final class OutstandingRequests {

  private static final int CAPACITY = 32;
  private final LinkedHashSet<Long> pending = new LinkedHashSet<>();

  void sent(long t0Us) {
    if (pending.size() == CAPACITY) {
      Iterator<Long> oldest = pending.iterator();
      oldest.next();
      oldest.remove();
    }
    pending.add(t0Us);
  }

  /** The {@code t0} of the oldest request still pending. */
  OptionalLong oldest() {
    return pending.isEmpty() ? OptionalLong.empty() : OptionalLong.of(pending.iterator().next());
  }

  /** Whether {@code t0Us} was pending; it no longer is afterwards. */
  boolean answer(long t0Us) {
    return pending.remove(t0Us);
  }
}
