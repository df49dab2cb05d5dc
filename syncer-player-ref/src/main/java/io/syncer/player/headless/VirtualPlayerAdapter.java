package io.syncer.player.headless;

import io.syncer.core.session.PlayerAdapter;
import io.syncer.protocol.message.PlayerState;

/**
 * A {@link VirtualPlayer} as the participant session sees any player.
 *
 * <p>Thread-safety: safe for concurrent use, as the player is.
 */
final class VirtualPlayerAdapter implements PlayerAdapter {

  /** Which position the adapter reports: two kinds of real player. */
  enum PositionReport {
    /** The start of the frame on screen, in frame steps: a video player's presentation time. */
    FRAME,
    /** The continuous media clock: an audio-clocked player, as the SPI recommends. */
    CLOCK
  }


  /** The virtual media is all there: report more than any real player would buffer. */
  static final long BUFFERED_AHEAD_MICROS = 3_600_000_000L;

  private final VirtualPlayer player;
  private final PositionReport report;

  VirtualPlayerAdapter(VirtualPlayer player, PositionReport report) {
    this.player = player;
    this.report = report;
  }

  @Override
  public long positionUs() {
    return report == PositionReport.FRAME ? player.positionMicros() : player.mediaClockMicros();
  }

  /** A frame when it reports frame starts; the media clock is continuous. */
  @Override
  public long positionStepUs() {
    return report == PositionReport.FRAME ? player.frameMicros() : 0;
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

  /** Buffering while a seek is under way, as a real player is. */
  @Override
  public PlayerState state() {
    return player.seeking() ? PlayerState.BUFFERING : PlayerState.READY;
  }

  @Override
  public long bufferedAheadUs() {
    return player.seeking() ? 0 : BUFFERED_AHEAD_MICROS;
  }

  @Override
  public long seekLatencyUs() {
    return player.seekLatencyMicros();
  }
}
