package io.syncer.benchmarks.sim;

import io.syncer.core.room.RoomServer;
import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.session.ParticipantSession;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * One room on virtual time: the real room authority ({@link RoomServer} on a {@link
 * VirtualScheduler}), {@value #PARTICIPANTS} real participant sessions running one {@link
 * SyncPolicy} on emulated device clocks through simulated network paths, and the owner's script. Everything random derives
 * from the seed in a fixed order, so the same seed gives the same clocks, paths, players and
 * script to every policy, and the same figures on every run.
 *
 * <p>The script: the owner creates the room at time 0; five members connect 1.5 s apart from
 * 1 s; the owner plays at 20 s; two members join late, at 30 % and 60 % of the run; from then on
 * the owner seeks (70 %) or pauses for 5–20 s (30 %) at intervals of 0.6–1.4 times min(150 s,
 * a quarter of the run).
 *
 * <p>Thread-safety: not thread-safe; {@link #run} runs the whole simulation on the calling thread.
 */
public final class SyncSimulation {

  static final int PARTICIPANTS = 8;
  static final int LATE_JOINERS = 2;
  static final long MAX_CLOCK_OFFSET_US = 10_000_000;
  static final double MAX_SKEW_PPM = 200;
  static final long MIN_SEEK_LATENCY_US = 200_000;
  static final long MAX_SEEK_LATENCY_US = 800_000;
  static final long PLAY_AT_US = 20_000_000;
  static final long MEDIA_DURATION_US = 90L * 60 * 1_000_000;
  /** The media's frame duration: film at 24000/1001 fps. */
  static final long FRAME_STEP_US = 41_708;

  private static final long START_US = 1_000_000_000_000L;

  private final Scenario scenario;
  private final long seed;
  private final long durationUs;

  public SyncSimulation(Scenario scenario, long seed, long durationUs) {
    if (durationUs < 2 * PLAY_AT_US) {
      throw new IllegalArgumentException("a run needs at least " + 2 * PLAY_AT_US / 1e6 + " s");
    }
    this.scenario = scenario;
    this.seed = seed;
    this.durationUs = durationUs;
  }

  /** Runs the room with every participant on {@code policy}. */
  public SimResult run(SyncPolicy policy) {
    return run(policy, null);
  }

  /**
   * As {@link #run(SyncPolicy)}, writing every sample's offsets and every command's apply times
   * to {@code trace} (if not null; format in {@code Measurements.result}).
   */
  public SimResult run(SyncPolicy policy, Appendable trace) {
    SplittableRandom root = new SplittableRandom(seed);
    VirtualScheduler virtual = new VirtualScheduler(new ManualClock(START_US));
    RoomServer server =
        RoomServer.builder()
            .scheduler(virtual)
            .executor(virtual)
            .random(new Random(root.nextLong()))
            .build();
    Measurements measurements = new Measurements(PARTICIPANTS, START_US);
    long endUs = START_US + durationUs;
    List<SimulatedParticipant> members = new ArrayList<>();
    List<NetworkPath> paths = new ArrayList<>();
    for (int i = 0; i < PARTICIPANTS; i++) {
      SplittableRandom own = root.split();
      EmulatedClock device =
          new EmulatedClock(
              virtual,
              own.nextLong(-MAX_CLOCK_OFFSET_US, MAX_CLOCK_OFFSET_US + 1),
              own.nextDouble(-MAX_SKEW_PPM, MAX_SKEW_PPM));
      SimulatedPlayer player =
          new SimulatedPlayer(
              device,
              SimulatedPlayer.Model.draw(own, FRAME_STEP_US, MIN_SEEK_LATENCY_US, MAX_SEEK_LATENCY_US),
              own.split());
      paths.add(new NetworkPath(scenario, own.split(), START_US, endUs));
      members.add(
          new SimulatedParticipant(
              i, policy, virtual, device, player, own.split(), measurements, i == 0));
    }
    SplittableRandom script = root.split();
    for (int i = 0; i < PARTICIPANTS; i++) {
      SimulatedParticipant member = members.get(i);
      NetworkPath path = paths.get(i);
      long connectAt = START_US + connectOffsetUs(i);
      virtual.scheduleAt(
          connectAt,
          () -> {
            member.roomCode(measurements::roomCode);
            measurements.joined(member.index, virtual.clock().nowMicros());
            SimulatedLink.connect(server, member.session(), virtual, path, "p" + member.index);
          });
    }
    scheduleOwnerScript(virtual, members.get(0).session(), script, endUs);
    for (long t = START_US + Measurements.SAMPLE_INTERVAL_US; t <= endUs;
        t += Measurements.SAMPLE_INTERVAL_US) {
      virtual.advanceTo(t);
      measurements.sample(t, members);
    }
    SimResult result = measurements.result(policy.name(), trace);
    members.forEach(member -> member.session().close());
    server.close();
    virtual.advanceBy(1_000_000);
    return result;
  }

  private long connectOffsetUs(int participant) {
    int early = PARTICIPANTS - LATE_JOINERS;
    if (participant < early) {
      return participant == 0 ? 0 : 1_000_000 + (participant - 1) * 1_500_000L;
    }
    int late = participant - early;
    return Math.round(durationUs * (0.3 + 0.3 * late));
  }

  private void scheduleOwnerScript(
      VirtualScheduler virtual, ParticipantSession owner, SplittableRandom random, long endUs) {
    virtual.scheduleAt(START_US + PLAY_AT_US, owner::play);
    long meanGapUs = Math.min(150_000_000, (durationUs - PLAY_AT_US) / 4);
    long t = START_US + PLAY_AT_US;
    while (true) {
      t += Math.round(meanGapUs * (0.6 + 0.8 * random.nextDouble()));
      if (t >= endUs) {
        return;
      }
      if (random.nextDouble() < 0.7) {
        long position = random.nextLong(MEDIA_DURATION_US);
        virtual.scheduleAt(t, () -> owner.seek(position));
      } else {
        long pauseUs = 5_000_000 + random.nextLong(15_000_001);
        virtual.scheduleAt(t, owner::pause);
        virtual.scheduleAt(t + pauseUs, owner::play);
        t += pauseUs;
      }
    }
  }
}
