package io.syncer.player.headless;

import io.syncer.protocol.time.MicroClock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A media player without media: a playhead that behaves like a real player's, for tests,
 * benchmarks and scripting. It knows nothing of rooms or timelines; only its controls ({@link
 * #play}, {@link #pause}, {@link #setRate}, {@link #seek}) move it, and its clock is the only
 * clock it reads.
 *
 * <p>How it behaves like a real player:
 *
 * <ul>
 *   <li>While playing, the playhead advances at the current rate on the player's clock.
 *   <li>Play and pause start and stop its media clock at once; rate changes take effect at the
 *       player's next tick (every {@link Config#tickMicros}), as a render loop picks them up.
 *   <li>A seek takes a random time between {@link Config#minSeekMicros} and {@link
 *       Config#maxSeekMicros}; meanwhile the playhead is frozen where it was and {@link
 *       #seeking()} is true; then it lands on the target and plays on if not paused. A new seek
 *       abandons one under way.
 *   <li>{@link #positionMicros()} reports the start of the frame on screen (steps of {@link
 *       Config#frameMicros}), as a video player's position does; {@link #mediaClockMicros()} the
 *       exact media clock behind it, as an audio-clocked player's does (and as traces record).
 * </ul>
 *
 * <p>The model is evaluated lazily from its clock, so it runs no thread and is exact and
 * deterministic on virtual time.
 *
 * <p>Thread-safety: safe for concurrent use; every method is atomic.
 */
final class VirtualPlayer {

  private static final long NONE = Long.MIN_VALUE;

  private final MicroClock clock;
  private final Config config;
  private final RandomGenerator random;

  // The state in effect, exact from anchorMicros on.
  private long anchorMicros;
  private long anchorPositionMicros;
  private double rate = 1.0;
  private boolean paused = true;

  // The rate last asked for; takes effect at pendingAtMicros, a tick boundary.
  private double requestedRate = 1.0;
  private long pendingAtMicros = NONE;

  // A seek under way: the playhead lands on seekTargetMicros at seekDoneAtMicros.
  private long seekDoneAtMicros = NONE;
  private long seekStartedAtMicros;
  private long seekTargetMicros;
  private long completedSeeks;
  private long completedSeekMicros;

  /**
   * A player paused at position 0, rate 1.
   *
   * @param clock the player's local clock
   * @param random source of seek durations (seed it for reproducible runs)
   */
  VirtualPlayer(MicroClock clock, Config config, RandomGenerator random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
    this.anchorMicros = clock.nowMicros();
  }

  /** Resumes playback now. */
  synchronized void play() {
    rollTo(advance());
    paused = false;
  }

  /** Pauses playback now. */
  synchronized void pause() {
    rollTo(advance());
    paused = true;
  }

  /** Plays at {@code rate} from the next tick on. */
  synchronized void setRate(double rate) {
    if (!(rate > 0 && Double.isFinite(rate))) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    long now = advance();
    requestedRate = rate;
    pendingAtMicros = (Math.floorDiv(now, config.tickMicros) + 1) * config.tickMicros;
  }

  /** Starts a seek to {@code positionMicros}; it completes after the player's seek latency. */
  synchronized void seek(long positionMicros) {
    if (positionMicros < 0) {
      throw new IllegalArgumentException("position must not be negative: " + positionMicros);
    }
    long now = advance();
    rollTo(now);
    seekStartedAtMicros = now;
    seekTargetMicros = positionMicros;
    seekDoneAtMicros =
        now + config.minSeekMicros
            + random.nextLong(config.maxSeekMicros - config.minSeekMicros + 1);
  }

  /** The start of the frame on screen, µs: what a video player's position reports. */
  synchronized long positionMicros() {
    long exact = exactPosition(advance());
    return Math.floorDiv(exact, config.frameMicros) * config.frameMicros;
  }

  /** How far apart the positions {@link #positionMicros()} reports are: one frame, µs. */
  long frameMicros() {
    return config.frameMicros;
  }

  /** The exact media clock, µs: what an audio-clocked player's position reports. */
  synchronized long mediaClockMicros() {
    return exactPosition(advance());
  }

  /** Whether a seek is under way (the playhead is frozen). */
  synchronized boolean seeking() {
    advance();
    return seekDoneAtMicros != NONE;
  }

  /** Whether playback is paused (as in effect now, not as last asked). */
  synchronized boolean paused() {
    advance();
    return paused;
  }

  /** The rate in effect now. */
  synchronized double rate() {
    advance();
    return rate;
  }

  /** Mean duration of the seeks completed so far, µs; 0 before the first one completes. */
  synchronized long seekLatencyMicros() {
    advance();
    return completedSeeks == 0 ? 0 : completedSeekMicros / completedSeeks;
  }

  /** The exact state of the player now. */
  synchronized Sample sample() {
    long now = advance();
    return new Sample(now, exactPosition(now), rate, paused, seekDoneAtMicros != NONE);
  }

  /** Applies everything that has come due by now, in order; returns now. */
  private long advance() {
    long now = clock.nowMicros();
    while (true) {
      boolean seekDue = seekDoneAtMicros != NONE && seekDoneAtMicros <= now;
      boolean requestDue = pendingAtMicros != NONE && pendingAtMicros <= now;
      if (seekDue && (!requestDue || seekDoneAtMicros <= pendingAtMicros)) {
        rollTo(seekDoneAtMicros);
        anchorPositionMicros = seekTargetMicros;
        completedSeeks++;
        completedSeekMicros += seekDoneAtMicros - seekStartedAtMicros;
        seekDoneAtMicros = NONE;
      } else if (requestDue) {
        rollTo(pendingAtMicros);
        rate = requestedRate;
        pendingAtMicros = NONE;
      } else {
        return now;
      }
    }
  }

  /** Moves the anchor to {@code time}, carrying the playhead along if it is moving. */
  private void rollTo(long time) {
    anchorPositionMicros = exactPosition(time);
    anchorMicros = time;
  }

  private long exactPosition(long time) {
    boolean moving = !paused && seekDoneAtMicros == NONE;
    return moving
        ? anchorPositionMicros + Math.round((time - anchorMicros) * rate)
        : anchorPositionMicros;
  }

  /**
   * How the player behaves.
   *
   * <p>Thread-safety: immutable.
   *
   * @param frameMicros frame duration: reported positions move in these steps, µs
   * @param tickMicros render-loop period: rate changes take effect on its boundaries, µs
   * @param minSeekMicros shortest seek, µs
   * @param maxSeekMicros longest seek, µs
   */
  record Config(long frameMicros, long tickMicros, long minSeekMicros, long maxSeekMicros) {

    Config {
      if (frameMicros <= 0 || tickMicros <= 0) {
        throw new IllegalArgumentException("frame and tick durations must be positive");
      }
      if (minSeekMicros < 0 || maxSeekMicros < minSeekMicros) {
        throw new IllegalArgumentException("seek durations must satisfy 0 <= min <= max");
      }
    }

    /** 25 frames a second, a 10 ms render loop, seeks of 150–400 ms (a local file or stream). */
    static Config defaults() {
      return new Config(40_000, 10_000, 150_000, 400_000);
    }
  }

  /**
   * The exact state of a player at one instant.
   *
   * <p>Thread-safety: immutable.
   *
   * @param localMicros the player's clock at that instant, µs
   * @param positionMicros the exact media clock (not rounded to frames), µs
   * @param rate the rate in effect
   * @param paused whether paused
   * @param seeking whether a seek is under way (the playhead is frozen)
   */
  record Sample(
      long localMicros, long positionMicros, double rate, boolean paused, boolean seeking) {}
}
