package io.syncer.benchmarks.sim;

import io.syncer.core.schedule.EmulatedClock;
import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.session.ParticipantListener;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.PlayerAdapter;
import io.syncer.core.transport.CloseCode;
import io.syncer.protocol.clock.ClockStrategy;
import io.syncer.protocol.drift.Correction;
import io.syncer.protocol.drift.DriftController;
import io.syncer.protocol.drift.DriftDecision;
import io.syncer.protocol.drift.PlayerObservation;
import io.syncer.protocol.drift.SyncPolicy;
import io.syncer.protocol.message.ErrorMessage;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.RoomState;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import io.syncer.protocol.message.Welcome;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * One simulated viewer: the real {@link ParticipantSession} with one {@link SyncPolicy}, on an
 * emulated device clock (offset and skew) over the simulation's virtual time, driving a {@link
 * SimulatedPlayer}. This class only watches: it tells the simulation when the session applied a
 * timeline and which of the player's seeks came from the drift controller rather than from a
 * timeline change.
 *
 * <p>Thread-safety: not thread-safe; everything runs on the simulation's virtual scheduler.
 */
final class SimulatedParticipant implements ParticipantListener {

  /** What the simulation learns from a participant. */
  interface Observer {
    void roomCreated(String code);

    void timeline(Timeline timeline);

    void applied(int participant, long version, TimelineCause cause, long trueUs);

    void correctiveSeek(int participant, long trueUs);

    void protocolError(int participant, String description);
  }

  private static final long RETRY_JOIN_US = 100_000;

  final int index;
  private final VirtualScheduler virtual;
  private final SimulatedPlayer player;
  private final Observer observer;
  private final boolean owner;
  private final ParticipantSession session;
  private final Map<Long, TimelineCause> received = new HashMap<>();
  private Supplier<String> roomCode = () -> null;
  /** The drift controller has just asked for a seek, which the session is about to make. */
  private boolean controllerSeekPending;

  SimulatedParticipant(
      int index,
      SyncPolicy policy,
      VirtualScheduler virtual,
      EmulatedClock device,
      SimulatedPlayer player,
      SplittableRandom random,
      Observer observer,
      boolean owner) {
    this.index = index;
    this.virtual = virtual;
    this.player = player;
    this.observer = observer;
    this.owner = owner;
    this.session =
        ParticipantSession.builder(new WatchedPlayer())
            .scheduler(device)
            .executor(virtual)
            .policy(watched(policy))
            .random(random)
            .listener(this)
            .clientName("syncer-sim/1")
            .build();
  }

  /** The session, as the transport's acceptor and for the owner's commands. */
  ParticipantSession session() {
    return session;
  }

  /** Where a member learns the room's code; null until the owner's room exists. */
  void roomCode(Supplier<String> code) {
    this.roomCode = code;
  }

  SimulatedPlayer player() {
    return player;
  }

  /** Whether the session has started the player on a playing timeline. */
  boolean started() {
    return player.playing();
  }

  @Override
  public void onWelcome(Welcome welcome) {
    enterRoom();
  }

  private void enterRoom() {
    if (owner) {
      session.createRoom();
      return;
    }
    String code = roomCode.get();
    if (code != null) {
      session.joinRoom(code);
    } else {
      virtual.schedule(RETRY_JOIN_US, this::enterRoom);
    }
  }

  @Override
  public void onRoomState(RoomState state) {
    if (owner) {
      observer.roomCreated(state.code());
    }
    observer.timeline(state.timeline());
  }

  @Override
  public void onTimelineReceived(TimelineUpdate update) {
    received.put(update.timeline().version(), update.cause());
    observer.timeline(update.timeline());
  }

  @Override
  public void onTimelineApplied(Timeline timeline) {
    long now = virtual.clock().nowMicros();
    TimelineCause cause = received.get(timeline.version());
    if (cause != null) {
      observer.applied(index, timeline.version(), cause, now);
    }
  }

  @Override
  public void onError(ErrorMessage error) {
    observer.protocolError(index, error.code().wireName() + ": " + error.message());
  }

  @Override
  public void onDisconnected(CloseCode code, String reason) {
    observer.protocolError(index, "disconnected: " + code + " " + reason);
  }

  /**
   * The policy with its drift controllers watched: a seek is corrective when the controller asked
   * for it, not when the session made it to follow a timeline.
   */
  private SyncPolicy watched(SyncPolicy policy) {
    return new SyncPolicy() {
      @Override
      public String name() {
        return policy.name();
      }

      @Override
      public ClockStrategy newClock() {
        return policy.newClock();
      }

      @Override
      public DriftController newController() {
        DriftController controller = policy.newController();
        return new DriftController() {
          @Override
          public DriftDecision onTick(PlayerObservation observation) {
            DriftDecision decision = controller.onTick(observation);
            controllerSeekPending |= decision.correction() instanceof Correction.SeekTo;
            return decision;
          }

          @Override
          public void reset() {
            controller.reset();
          }
        };
      }
    };
  }

  /** The player as the session sees it, noting each seek. */
  private final class WatchedPlayer implements PlayerAdapter {
    @Override
    public long positionUs() {
      return player.positionUs();
    }

    @Override
    public void play() {
      player.play();
    }

    @Override
    public void pause() {
      player.pause();
    }

    @Override
    public void seek(long positionUs) {
      if (controllerSeekPending) {
        controllerSeekPending = false;
        observer.correctiveSeek(index, virtual.clock().nowMicros());
      }
      player.seek(positionUs);
    }

    @Override
    public void setRate(double rate) {
      player.setRate(rate);
    }

    @Override
    public double rate() {
      return player.rate();
    }

    @Override
    public PlayerState state() {
      return player.state();
    }

    @Override
    public long bufferedAheadUs() {
      return player.bufferedAheadUs();
    }

    @Override
    public long seekLatencyUs() {
      return player.seekLatencyUs();
    }

    @Override
    public long positionStepUs() {
      return player.positionStepUs();
    }
  }
}
