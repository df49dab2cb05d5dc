package io.syncer.player.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.EventRecorder;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link PlayerBackend} must do, checked through its events and its clock; each
 * implementation's test extends this and adds what only it can show (decoded pixels, for one).
 */
abstract class PlayerBackendContract {

  protected final EventRecorder events = new EventRecorder();
  protected PlayerBackend player;

  /** A fresh backend without window or sound. */
  protected abstract PlayerBackend createPlayer() throws Exception;

  @BeforeEach
  void createAndListen() throws Exception {
    player = createPlayer();
    player.addListener(events);
  }

  @AfterEach
  void closePlayer() {
    player.close();
  }

  @Test
  void opensPausedAtTheStartAndDescribesTheMedia() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));

    MediaInfo info = events.next(PlayerEvent.Opened.class).info();

    assertThat(info.width()).isEqualTo(CounterVideos.WIDTH);
    assertThat(info.height()).isEqualTo(CounterVideos.HEIGHT);
    assertThat(info.frameRate()).isCloseTo(CounterVideos.FPS, within(0.01));
    assertThat(info.durationUs()).isCloseTo(10_000_000L, within(100_000L));
    assertThat(info.hasAudio()).isTrue();
    assertThat(info.videoCodec()).isEqualTo("h264");
    assertThat(player.durationUs()).isEqualTo(info.durationUs());
    assertThat(player.state()).isEqualTo(PlaybackState.PAUSED);
    assertThat(player.positionUs()).isZero();
  }

  @Test
  void exactSeeksLandInTheTargetFrameAndReportTheirLatency() throws Exception {
    player.open(CounterVideos.get(Format.MKV_H265_AC3));
    events.next(PlayerEvent.Opened.class);

    for (long target : List.of(6_020_000L, 2_500_000L, 8_840_000L)) {
      player.seek(target, true);
      PlayerEvent.Seeked seeked = events.next(PlayerEvent.Seeked.class);

      // Within a frame: engines differ on which side of the target they report the frame.
      assertThat(seeked.positionUs()).isCloseTo(target, within(CounterVideos.FRAME_US));
      assertThat(seeked.latencyUs()).isPositive().isEqualTo(player.lastSeekLatencyUs());
      assertThat(player.state()).isEqualTo(PlaybackState.PAUSED);
      assertThat(player.positionUs()).isEqualTo(seeked.positionUs());
    }
  }

  @Test
  void rateScalesTheClockAndPauseHoldsIt() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));
    events.next(PlayerEvent.Opened.class);
    player.play();
    events.next(PlayerEvent.Playing.class);

    // Within 0.02: an external engine starved of CPU on a busy 2-core machine really slips that much.
    player.setRate(1.05);
    assertThat(measuredRate()).isCloseTo(1.05, within(0.02));
    player.setRate(0.95);
    assertThat(measuredRate()).isCloseTo(0.95, within(0.02));

    player.pause();
    events.next(PlayerEvent.Paused.class);
    long held = player.positionUs();
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(player.positionUs()).isEqualTo(held);
    assertThat(player.state()).isEqualTo(PlaybackState.PAUSED);
  }

  /**
   * Media microseconds per wall microsecond over a second in which the player did not buffer,
   * once audio queued at the old rate has played out.
   */
  private double measuredRate() throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(500);
    for (int attempt = 0; ; attempt++) {
      int eventsBefore = events.all().size();
      long wallStart = System.nanoTime();
      long mediaStart = player.positionUs();
      TimeUnit.MILLISECONDS.sleep(1000);
      long mediaEnd = player.positionUs();
      long wallEnd = System.nanoTime();
      boolean undisturbed = events.all().size() == eventsBefore && player.state() == PlaybackState.PLAYING;
      if (undisturbed || attempt == 3) {
        return (mediaEnd - mediaStart) / ((wallEnd - wallStart) / 1000.0);
      }
    }
  }

  @Test
  void reportsTheEndAndPlaysAgainFromTheStart() throws Exception {
    player.open(CounterVideos.get(Format.WEBM_VP9_OPUS));
    events.next(PlayerEvent.Opened.class);
    player.seek(9_500_000L, true);
    events.next(PlayerEvent.Seeked.class);
    player.play();

    PlayerEvent.Ended ended = events.next(PlayerEvent.Ended.class);

    assertThat(ended.positionUs()).isCloseTo(10_000_000L, within(100_000L));
    assertThat(player.state()).isEqualTo(PlaybackState.ENDED);
    player.play();
    assertThat(events.next(PlayerEvent.Seeked.class).positionUs()).isLessThan(2 * CounterVideos.FRAME_US);
    events.next(PlayerEvent.Playing.class);
  }

  @Test
  void missingFileFailsWithAMessageForPeople(@TempDir Path dir) throws Exception {
    player.open(dir.resolve("no-such-movie.mkv"));

    String message = events.next(PlayerEvent.Failed.class).message();

    assertThat(message).contains("does not exist").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(player.state()).isEqualTo(PlaybackState.FAILED);
  }

  @Test
  void fileThatIsNoVideoFailsWithAMessageForPeople(@TempDir Path dir) throws Exception {
    Path junk = dir.resolve("movie.mp4");
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    Files.write(junk, noise);
    player.open(junk);

    String message = events.next(PlayerEvent.Failed.class).message();

    assertThat(message).contains("movie.mp4").contains("could not be opened").doesNotContain("Exception");
    player.seek(1_000_000L, true);
    assertThat(player.state()).isEqualTo(PlaybackState.FAILED);
  }

  @Test
  void refusesLocationsOtherThanFilesAndHttp() throws Exception {
    player.open(URI.create("ftp://127.0.0.1/movie.mkv"));

    assertThat(events.next(PlayerEvent.Failed.class).message()).contains("\"ftp:\"");
  }

  @Test
  void rejectsRatesAndVolumesOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> player.setRate(0.1));
    assertThatIllegalArgumentException().isThrownBy(() -> player.setRate(Double.NaN));
    assertThatIllegalArgumentException().isThrownBy(() -> player.setVolume(1.5));
    assertThat(player.rate()).isEqualTo(1.0);
  }
}
