package io.syncer.protocol.simulation;

import io.syncer.protocol.clock.ClockEstimate;
import io.syncer.protocol.drift.Correction;
import io.syncer.protocol.drift.DriftController;
import io.syncer.protocol.drift.DriftDecision;
import io.syncer.protocol.drift.PlayerObservation;
import io.syncer.protocol.drift.SyncPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One participant: its own clock, a network path to the server, a player, and a {@link
 * SyncPolicy}'s clock strategy and drift controller, all on virtual time. Once its clock estimate
 * has converged it starts the player at the timeline position plus {@code initialErrorUs}, then
 * ticks the controller every {@code tickIntervalUs ± tickDitherUs} of local time and applies what
 * it answers.
 */
public final class SimulatedParticipant {

  /** How a participant is set up. */
  public record Spec(
      SyncPolicy policy,
      long clockOffsetUs,
      double clockSkewPpm,
      NetworkPath path,
      SimulatedPlayer.Model player,
      long initialErrorUs,
      long joinAtUs,
      long tickIntervalUs,
      long tickDitherUs,
      boolean stepReported) {

    /** Ticks every 100 ms ± 20 ms, joining at time 0, with a typical player. */
    public static Spec of(
        SyncPolicy policy, double clockSkewPpm, NetworkPath path, long initialErrorUs) {
      return new Spec(
          policy,
          1_000_000_000L,
          clockSkewPpm,
          path,
          SimulatedPlayer.Model.typical(),
          initialErrorUs,
          0,
          100_000,
          20_000,
          false);
    }

    /** The same, with the player telling the controller its frame step. */
    public Spec reportingStep() {
      return new Spec(
          policy, clockOffsetUs, clockSkewPpm, path, player, initialErrorUs, joinAtUs,
          tickIntervalUs, tickDitherUs, true);
    }
  }

  /** A correction the controller asked for, at true time {@code atUs}. */
  public record AppliedCorrection(long atUs, Correction correction, boolean converged) {}

  private final EventLoop loop;
  private final SimulatedServer server;
  private final Spec spec;
  private final SplittableRandom random;
  private final SkewedClock local;
  private final ClockLink link;
  private final DriftController controller;
  private final SimulatedPlayer player;
  private final List<AppliedCorrection> corrections = new ArrayList<>();
  private boolean playing;
  private long firstConvergedAtUs = -1;
  private DriftDecision lastDecision;

  public SimulatedParticipant(
      EventLoop loop, SimulatedServer server, Spec spec, SplittableRandom random) {
    this.loop = loop;
    this.server = server;
    this.spec = spec;
    this.random = random;
    this.local = new SkewedClock(loop.trueClock(), spec.clockOffsetUs(), spec.clockSkewPpm());
    this.link = new ClockLink(loop, local, server, spec.path(), random.split(), spec.policy().newClock());
    this.controller = spec.policy().newController();
    this.player = new SimulatedPlayer(local, spec.player(), random.split());
    loop.schedule(spec.joinAtUs(), this::join);
  }

  private void join() {
    link.start();
    tick();
  }

  private void tick() {
    Optional<ClockEstimate> estimate = link.estimate();
    if (estimate.isPresent() && estimate.get().converged()) {
      observe(estimate.get());
    }
    long intervalUs =
        spec.tickIntervalUs() - spec.tickDitherUs() + random.nextLong(2 * spec.tickDitherUs() + 1);
    loop.schedule(local.trueTimeOf(local.nowMicros() + intervalUs), this::tick);
  }

  private void observe(ClockEstimate estimate) {
    long nowUs = local.nowMicros();
    long targetUs = (long) Math.floor(server.positionAt(estimate.toServerTime(nowUs)));
    if (!playing) {
      player.start(targetUs + spec.initialErrorUs(), server.rate());
      playing = true;
      return;
    }
    PlayerObservation observation =
        new PlayerObservation(
            nowUs,
            targetUs,
            player.reportedPositionUs(),
            server.rate(),
            player.rate(),
            player.measuredSeekLatencyUs(),
            estimate.errorBoundUs(),
            spec.stepReported() ? spec.player().frameStepUs() : 0);
    DriftDecision decision = controller.onTick(observation);
    lastDecision = decision;
    if (decision.converged() && firstConvergedAtUs < 0) {
      firstConvergedAtUs = loop.nowUs();
    }
    Correction correction = decision.correction();
    if (correction instanceof Correction.SetRate setRate) {
      player.setRate(setRate.rate());
    } else if (correction instanceof Correction.SeekTo seekTo) {
      player.seek(seekTo.positionUs());
    }
    if (!(correction instanceof Correction.None)) {
      corrections.add(new AppliedCorrection(loop.nowUs(), correction, decision.converged()));
    }
  }

  public Spec spec() {
    return spec;
  }

  public ClockLink clockLink() {
    return link;
  }

  public boolean playing() {
    return playing;
  }

  /** True player position minus true timeline position now, µs. */
  public double trueOffsetUs() {
    return player.positionUs() - server.positionAt(server.clock().nowMicros());
  }

  /** True time the controller first reported convergence, or -1. */
  public long firstConvergedAtUs() {
    return firstConvergedAtUs;
  }

  public Optional<DriftDecision> lastDecision() {
    return Optional.ofNullable(lastDecision);
  }

  public List<AppliedCorrection> corrections() {
    return List.copyOf(corrections);
  }

  /**
   * The player rate that keeps it exactly on the timeline: the timeline rate scaled from server
   * time to this participant's clock.
   */
  public double neutralRate() {
    return server.rate() / (1 + spec.clockSkewPpm() * 1e-6);
  }
}
