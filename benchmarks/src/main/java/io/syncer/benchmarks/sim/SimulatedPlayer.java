package io.syncer.benchmarks.sim;

import io.syncer.core.session.PlayerAdapter;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.time.MicroClock;
import java.util.ArrayDeque;
import java.util.SplittableRandom;

/**
 * A media player, as a {@link PlayerAdapter} the real participant session drives, whose media clock
 * runs on its device's clock: rate changes take effect {@code
 * rateChangeLagUs} after they are asked for; a seek freezes the picture for a random latency in
 * {@code [minSeekLatencyUs, maxSeekLatencyUs]} and then shows the requested position; the position
 * it reports is the start of the frame on screen (a multiple of {@code frameStepUs}). It measures
 * its own seek latency as a real adapter would: an exponential average (weight ½) of completed
 * seeks, starting from the middle of the model's range.
 *
 * <p>Thread-safety: not thread-safe; the simulation runs everything on one thread.
 */
final class SimulatedPlayer implements PlayerAdapter {

  /**
   * How a player behaves.
   *
   * @param frameStepUs duration of one frame, µs
   * @param rateChangeLagUs delay until a new rate takes effect, µs
   * @param minSeekLatencyUs shortest seek, µs
   * @param maxSeekLatencyUs longest seek, µs
   */
  record Model(long frameStepUs, long rateChangeLagUs, long minSeekLatencyUs, long maxSeekLatencyUs) {

    /**
     * A device with a rate-change lag drawn in 50–250 ms, showing media of {@code frameStepUs}
     * frames (a property of the room's media, the same for everyone).
     */
    static Model draw(
        SplittableRandom random, long frameStepUs, long minSeekLatencyUs, long maxSeekLatencyUs) {
      return new Model(
          frameStepUs, 50_000 + random.nextLong(200_001), minSeekLatencyUs, maxSeekLatencyUs);
    }
  }

  private record PendingRate(long atLocalUs, double rate) {}

  /** The simulation models no download: the media is always buffered well ahead. */
  private static final long BUFFERED_AHEAD_US = 60_000_000;

  private final MicroClock clock;
  private final Model model;
  private final SplittableRandom random;
  private final ArrayDeque<PendingRate> pendingRates = new ArrayDeque<>();
  private long anchorLocalUs;
  private double positionUs;
  private double rate = 1.0;
  private boolean playing;
  private boolean seeking;
  private long seekIssuedAtLocalUs;
  private long seekDoneAtLocalUs;
  private double seekTargetUs;
  private long measuredSeekLatencyUs;

  SimulatedPlayer(MicroClock clock, Model model, SplittableRandom random) {
    this.clock = clock;
    this.model = model;
    this.random = random;
    this.measuredSeekLatencyUs = (model.minSeekLatencyUs() + model.maxSeekLatencyUs()) / 2;
    this.anchorLocalUs = clock.nowMicros();
  }

  @Override
  public void play() {
    advance();
    playing = true;
  }

  @Override
  public void pause() {
    advance();
    playing = false;
  }

  /** Asks for a new rate; it takes effect after the model's lag. */
  @Override
  public void setRate(double newRate) {
    pendingRates.addLast(new PendingRate(clock.nowMicros() + model.rateChangeLagUs(), newRate));
  }

  /** Starts a seek to {@code targetUs}; the picture freezes until it completes. */
  @Override
  public void seek(long targetUs) {
    advance();
    seeking = true;
    seekIssuedAtLocalUs = clock.nowMicros();
    seekDoneAtLocalUs =
        seekIssuedAtLocalUs
            + model.minSeekLatencyUs()
            + random.nextLong(model.maxSeekLatencyUs() - model.minSeekLatencyUs() + 1);
    seekTargetUs = targetUs;
  }

  /** The exact media position on screen now, µs (frame rounding aside). */
  double exactPositionUs() {
    advance();
    return positionUs;
  }

  /** What the player reports: the start of the frame on screen. */
  @Override
  public long positionUs() {
    long exact = (long) Math.floor(exactPositionUs());
    return Math.floorDiv(exact, model.frameStepUs()) * model.frameStepUs();
  }

  /** The rate in effect now. */
  @Override
  public double rate() {
    advance();
    return rate;
  }

  boolean playing() {
    return playing;
  }

  boolean seeking() {
    advance();
    return seeking;
  }

  @Override
  public PlayerState state() {
    return seeking() ? PlayerState.BUFFERING : PlayerState.READY;
  }

  @Override
  public long bufferedAheadUs() {
    return BUFFERED_AHEAD_US;
  }

  /** The player's own estimate of how long a seek takes, µs. */
  @Override
  public long seekLatencyUs() {
    return measuredSeekLatencyUs;
  }

  /** The player reports frame starts: its position moves in steps of one frame. */
  @Override
  public long positionStepUs() {
    return model.frameStepUs();
  }

  private void advance() {
    long nowUs = clock.nowMicros();
    while (true) {
      long nextRateUs = pendingRates.isEmpty() ? Long.MAX_VALUE : pendingRates.peekFirst().atLocalUs;
      long nextSeekUs = seeking ? seekDoneAtLocalUs : Long.MAX_VALUE;
      long nextUs = Math.min(nextRateUs, nextSeekUs);
      if (nextUs > nowUs) {
        break;
      }
      moveTo(nextUs);
      if (nextUs == nextSeekUs) {
        seeking = false;
        positionUs = seekTargetUs;
        measuredSeekLatencyUs = (measuredSeekLatencyUs + seekDoneAtLocalUs - seekIssuedAtLocalUs) / 2;
      } else {
        rate = pendingRates.removeFirst().rate;
      }
    }
    moveTo(nowUs);
  }

  private void moveTo(long localUs) {
    if (playing && !seeking) {
      positionUs += rate * (localUs - anchorLocalUs);
    }
    anchorLocalUs = localUs;
  }
}
