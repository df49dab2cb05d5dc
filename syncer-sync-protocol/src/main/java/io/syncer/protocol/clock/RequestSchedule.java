package io.syncer.protocol.clock;

/**
 * When to send clock requests: {@code burstRequests} of them {@code burstIntervalUs} apart, then
 * one every {@code periodicIntervalUs}. Counts requests sent, not answered, so a silent server
 * gets the periodic rate rather than a burst forever.
 */
final class RequestSchedule {

  private final int burstRequests;
  private final long burstIntervalUs;
  private final long periodicIntervalUs;
  private int sentSinceBurstStart;
  private long nextAtUs = Long.MIN_VALUE;

  RequestSchedule(int burstRequests, long burstIntervalUs, long periodicIntervalUs) {
    this.burstRequests = burstRequests;
    this.burstIntervalUs = burstIntervalUs;
    this.periodicIntervalUs = periodicIntervalUs;
  }

  long nextAtUs() {
    return nextAtUs;
  }

  void sent(long t0Us) {
    sentSinceBurstStart++;
    nextAtUs = t0Us + (sentSinceBurstStart < burstRequests ? burstIntervalUs : periodicIntervalUs);
  }

  /** Starts a new burst with a request due at {@code nowUs}. */
  void restartBurst(long nowUs) {
    sentSinceBurstStart = 0;
    nextAtUs = nowUs;
  }
}
