package io.syncer.protocol.simulation;

import io.syncer.protocol.clock.ClockStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A room on virtual time: one server whose timeline plays from position 0 at server time 0, and
 * participants joining it. Everything random derives from one seed, so a run is reproducible.
 *
 * <p>Thread-safety: single-threaded, like everything in this package; nothing here starts a thread
 * or reads the wall clock.
 */
public final class Simulation {

  private final EventLoop loop = new EventLoop();
  private final SplittableRandom random;
  private final SimulatedServer server;
  private final List<SimulatedParticipant> participants = new ArrayList<>();

  public Simulation(long seed) {
    this.random = new SplittableRandom(seed);
    SkewedClock serverClock = new SkewedClock(loop.trueClock(), 5_000_000_000L, 0);
    this.server = new SimulatedServer(serverClock, serverClock.at(0), 0, 1.0, 500);
  }

  public SimulatedParticipant join(SimulatedParticipant.Spec spec) {
    SimulatedParticipant participant = new SimulatedParticipant(loop, server, spec, random.split());
    participants.add(participant);
    return participant;
  }

  /** A clock strategy's exchanges alone, without a player. */
  public ClockLink link(ClockStrategy clock, double skewPpm, NetworkPath path) {
    SkewedClock local = new SkewedClock(loop.trueClock(), random.nextLong(-1L << 40, 1L << 40), skewPpm);
    ClockLink link = new ClockLink(loop, local, server, path, random.split(), clock);
    link.start();
    return link;
  }

  public long nowUs() {
    return loop.nowUs();
  }

  public void runUntil(long trueUs) {
    loop.runUntil(trueUs);
  }

  /** Runs until {@code endUs}, calling {@code probe} every {@code periodUs} of true time. */
  public void runUntil(long endUs, long periodUs, Consumer<Simulation> probe) {
    for (long t = nowUs() + periodUs; t <= endUs; t += periodUs) {
      loop.runUntil(t);
      probe.accept(this);
    }
    loop.runUntil(endUs);
  }

  public List<SimulatedParticipant> participants() {
    return List.copyOf(participants);
  }
}
