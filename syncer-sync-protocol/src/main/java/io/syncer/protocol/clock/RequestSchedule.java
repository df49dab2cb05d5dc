package io.syncer.protocol.clock;

/**
 * When to send clock requests: {@code burstRequests} of them {@code burstIntervalUs} apart, then
 * one every {@code periodicIntervalUs}; on a jittery path the burst goes on up to {@code
 * jitteryBurstRequests} and the periodic requests come every {@code jitteryPeriodicIntervalUs},
 * because the estimate's error shrinks with the number of samples it takes its fastest request and
 * response from. Counts requests sent, not answered, so a silent server gets the periodic rate
 * rather than a burst forever.
 */
final class RequestSchedule {

  private final int burstRequests;
  private final long burstIntervalUs;
  private final long periodicIntervalUs;
  private final int jitteryBurstRequests;
  private final long jitteryPeriodicIntervalUs;
  private int sentSinceBurstStart;
  private long nextAtUs = Long.MIN_VALUE;

  /** A schedule that does not depend on the path's jitter. */
  RequestSchedule(int burstRequests, long burstIntervalUs, long periodicIntervalUs) {
    this(burstRequests, burstIntervalUs, periodicIntervalUs, burstRequests, periodicIntervalUs);
  }

  RequestSchedule(
      int burstRequests,
      long burstIntervalUs,
      long periodicIntervalUs,
      int jitteryBurstRequests,
      long jitteryPeriodicIntervalUs) {
    this.burstRequests = burstRequests;
    this.burstIntervalUs = burstIntervalUs;
    this.periodicIntervalUs = periodicIntervalUs;
    this.jitteryBurstRequests = jitteryBurstRequests;
    this.jitteryPeriodicIntervalUs = jitteryPeriodicIntervalUs;
  }

  long nextAtUs() {
    return nextAtUs;
  }

  /** A request was sent at {@code t0Us}. */
  void sent(long t0Us) {
    sent(t0Us, false);
  }

  /** A request was sent at {@code t0Us}, on a path judged jittery or not. */
  void sent(long t0Us, boolean jittery) {
    sentSinceBurstStart++;
    boolean inBurst =
        sentSinceBurstStart < burstRequests
            || (jittery && sentSinceBurstStart < jitteryBurstRequests);
    long intervalUs;
    if (inBurst) {
      intervalUs = burstIntervalUs;
    } else if (jittery) {
      intervalUs = jitteryPeriodicIntervalUs;
    } else {
      intervalUs = periodicIntervalUs;
    }
    nextAtUs = t0Us + intervalUs;
  }

  /** Starts a new burst with a request due at {@code nowUs}. */
  void restartBurst(long nowUs) {
    sentSinceBurstStart = 0;
    nextAtUs = nowUs;
  }
}
