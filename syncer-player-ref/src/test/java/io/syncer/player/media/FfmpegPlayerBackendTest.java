package io.syncer.player.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.EventRecorder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Plays the generated counter videos headlessly and reads the frame numbers off the pixels. */
class FfmpegPlayerBackendTest {

  private final EventRecorder events = new EventRecorder();
  private FfmpegPlayerBackend player;
  private long firstPtsUs;

  @BeforeEach
  void createPlayer() {
    player = FfmpegPlayerBackend.builder().silent(true).build();
    player.addListener(events);
  }

  @AfterEach
  void closePlayer() {
    player.close();
  }

  @Test
  void opensPausedAtTheFirstFrameAndDescribesTheMedia() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));

    MediaInfo info = events.next(PlayerEvent.Opened.class).info();

    assertThat(info.width()).isEqualTo(CounterVideos.WIDTH);
    assertThat(info.height()).isEqualTo(CounterVideos.HEIGHT);
    assertThat(info.frameRate()).isCloseTo(CounterVideos.FPS, within(0.01));
    assertThat(info.durationUs()).isCloseTo(10_000_000L, within(100_000L));
    assertThat(info.hasAudio()).isTrue();
    assertThat(info.videoCodec()).isEqualTo("h264");
    awaitFrame(0);
    assertThat(player.state()).isEqualTo(PlaybackState.PAUSED);
    assertThat(player.positionUs()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void exactSeekShowsTheFrameWhoseIntervalContainsTheTarget(Format format) throws Exception {
    player.open(CounterVideos.get(format));
    events.next(PlayerEvent.Opened.class);
    // Containers may shift the video a few ms (B-frame delay in MKV, Opus pre-skip in WebM).
    firstPtsUs = awaitFrame(0).ptsUs();

    // Forward past a keyframe, mid-frame, backwards, the very last frame, and back to the start
    // (before WebM's first frame: Opus pre-skip makes its start time negative).
    for (long target : List.of(3_000_000L, 5_019_000L, 7_520_000L, 1_000_000L, 9_960_000L, 0L)) {
      player.seek(target, true);
      PlayerEvent.Seeked seeked = events.next(PlayerEvent.Seeked.class);

      assertThat(seeked.positionUs()).isEqualTo(target);
      assertThat(seeked.latencyUs()).isPositive().isEqualTo(player.lastSeekLatencyUs());
      int expected = CounterVideos.frameAt(Math.max(0L, target - firstPtsUs));
      VideoFrame frame = awaitFrame(expected);
      assertThat(CounterVideos.frameNumber(frame.image())).as("frame on screen after seeking to %d µs", target).isEqualTo(expected);
      assertThat(player.positionUs()).isEqualTo(target);
    }
  }

  @Test
  void framesFollowTheMediaClockWhilePlaying() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));
    events.next(PlayerEvent.Opened.class);
    player.play();
    events.next(PlayerEvent.Playing.class);

    long previous = -1;
    for (int i = 0; i < 20; i++) {
      TimeUnit.MILLISECONDS.sleep(70);
      VideoFrame frame = player.currentFrame().orElseThrow();
      long position = player.positionUs();
      assertThat(position).isGreaterThanOrEqualTo(previous);
      previous = position;
      if (player.state() == PlaybackState.PLAYING) {
        // The frame shown is the one due now, or (if sampled between the clock crossing a frame
        // boundary and the video thread waking) the one before.
        assertThat(CounterVideos.frameNumber(frame.image()))
            .isBetween(CounterVideos.frameAt(position) - 1, CounterVideos.frameAt(position));
      }
    }
    assertThat(previous).isGreaterThan(500_000L);
  }

  @Test
  void rateScalesTheClockAndPauseHoldsIt() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));
    events.next(PlayerEvent.Opened.class);
    player.play();
    events.next(PlayerEvent.Playing.class);
    player.setRate(1.05);

    assertThat(measuredRate()).isCloseTo(1.05, within(0.002));

    player.setRate(0.95);
    assertThat(measuredRate()).isCloseTo(0.95, within(0.002));

    player.pause();
    events.next(PlayerEvent.Paused.class);
    long held = player.positionUs();
    int shown = CounterVideos.frameNumber(player.currentFrame().orElseThrow().image());
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(player.positionUs()).isEqualTo(held);
    assertThat(CounterVideos.frameNumber(player.currentFrame().orElseThrow().image())).isEqualTo(shown);
    assertThat(player.state()).isEqualTo(PlaybackState.PAUSED);
  }

  /** Media microseconds per wall microsecond over 400 ms in which the player did not buffer. */
  private double measuredRate() throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      int eventsBefore = events.all().size();
      long wallStart = System.nanoTime();
      long mediaStart = player.positionUs();
      TimeUnit.MILLISECONDS.sleep(400);
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

    assertThat(ended.positionUs()).isCloseTo(10_000_000L, within(50_000L));
    assertThat(player.state()).isEqualTo(PlaybackState.ENDED);
    assertThat(CounterVideos.frameNumber(player.currentFrame().orElseThrow().image())).isEqualTo(249);
    player.play();
    assertThat(events.next(PlayerEvent.Seeked.class).positionUs()).isZero();
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
    new java.util.Random(7).nextBytes(noise);
    Files.write(junk, noise);
    player.open(junk);

    String message = events.next(PlayerEvent.Failed.class).message();

    assertThat(message).contains("movie.mp4").contains("could not be opened").doesNotContain("Exception");
    player.play();
    player.seek(1_000_000L, true);
    assertThat(player.state()).isEqualTo(PlaybackState.FAILED);
  }

  @Test
  void refusesLocationsOtherThanFilesAndHttp() throws Exception {
    player.open(URI.create("ftp://127.0.0.1/movie.mkv"));

    assertThat(events.next(PlayerEvent.Failed.class).message()).contains("\"ftp:\"");
  }

  @Test
  void rejectsRatesAndVolumesOutOfRange() throws IOException {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> player.setRate(0.1));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> player.setRate(Double.NaN));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> player.setVolume(1.5));
    assertThat(player.rate()).isEqualTo(1.0);
  }

  private VideoFrame awaitFrame(int number) throws InterruptedException {
    awaitTrue(
        () -> player.currentFrame().map(f -> frameNumberOf(f.ptsUs()) == number).orElse(false),
        "frame " + number + " on screen, now " + player.currentFrame().map(VideoFrame::ptsUs));
    return player.currentFrame().orElseThrow();
  }

  private int frameNumberOf(long ptsUs) {
    return (int) Math.round((ptsUs - firstPtsUs) / (double) CounterVideos.FRAME_US);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
