package io.syncer.protocol.simulation;

import io.syncer.protocol.clock.ClockEstimate;
import io.syncer.protocol.clock.ClockSample;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.clock.SampleOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Runs a {@link ClockStrategy}'s request/response exchanges with the server over a simulated
 * network path, on the strategy's own schedule.
 */
public final class ClockLink {

  private final EventLoop loop;
  private final SkewedClock local;
  private final SimulatedServer server;
  private final NetworkPath path;
  private final SplittableRandom random;
  private final ClockStrategy clock;
  private final Map<SampleOutcome, Integer> outcomes = new EnumMap<>(SampleOutcome.class);
  private ClockSample newestKept;

  public ClockLink(
      EventLoop loop,
      SkewedClock local,
      SimulatedServer server,
      NetworkPath path,
      SplittableRandom random,
      ClockStrategy clock) {
    this.loop = loop;
    this.local = local;
    this.server = server;
    this.path = path;
    this.random = random;
    this.clock = clock;
  }

  public void start() {
    scheduleNextRequest();
  }

  public SkewedClock localClock() {
    return local;
  }

  /** The strategy's estimate now. */
  public Optional<ClockEstimate> estimate() {
    return clock.estimate(local.nowMicros());
  }

  /** True server-minus-local offset now. */
  public long trueOffsetUs() {
    return server.clock().nowMicros() - local.nowMicros();
  }

  /** The most recent sample the strategy kept (accepted, high-delay or clock step). */
  public Optional<ClockSample> newestKeptSample() {
    return Optional.ofNullable(newestKept);
  }

  public int count(SampleOutcome outcome) {
    return outcomes.getOrDefault(outcome, 0);
  }

  private void scheduleNextRequest() {
    long atLocalUs = clock.nextRequestAtUs();
    long atTrueUs = atLocalUs == Long.MIN_VALUE ? loop.nowUs() : local.trueTimeOf(atLocalUs);
    loop.schedule(atTrueUs, this::sendRequest);
  }

  private void sendRequest() {
    long t0 = local.nowMicros();
    clock.requestSent(t0);
    if (!path.loses(random)) {
      loop.schedule(loop.nowUs() + path.upDelayUs(random), () -> serve(t0));
    }
    scheduleNextRequest();
  }

  private void serve(long t0) {
    long t1 = server.clock().nowMicros();
    long sentAtTrueUs = loop.nowUs() + server.processingUs(random);
    long t2 = server.clock().at(sentAtTrueUs);
    if (!path.loses(random)) {
      loop.schedule(sentAtTrueUs + path.downDelayUs(random), () -> receive(t0, t1, t2));
    }
  }

  private void receive(long t0, long t1, long t2) {
    ClockSample sample = new ClockSample(t0, t1, t2, local.nowMicros());
    SampleOutcome outcome = clock.addSample(sample);
    outcomes.merge(outcome, 1, Integer::sum);
    if (outcome != SampleOutcome.INVALID && outcome != SampleOutcome.UNSOLICITED) {
      newestKept = sample;
    }
  }
}
