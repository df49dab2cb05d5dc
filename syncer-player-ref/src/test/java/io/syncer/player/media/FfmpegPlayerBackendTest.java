package io.syncer.player.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract, plus the decoded pictures: frame numbers are read off the pixels. */
class FfmpegPlayerBackendTest extends PlayerBackendContract {

  private long firstPtsUs;

  @Override
  protected PlayerBackend createPlayer() {
    return FfmpegPlayerBackend.builder().silent(true).build();
  }

  @Test
  void showsTheFirstFrameWhenOpened() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));
    events.next(PlayerEvent.Opened.class);

    assertThat(CounterVideos.frameNumber(awaitFirstFrame().image())).isZero();
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void exactSeekShowsTheFrameWhoseIntervalContainsTheTarget(Format format) throws Exception {
    player.open(CounterVideos.get(format));
    events.next(PlayerEvent.Opened.class);
    // Containers may shift the video a few ms (B-frame delay in MKV, Opus pre-skip in WebM).
    VideoFrame first = awaitFirstFrame();
    assertThat(CounterVideos.frameNumber(first.image())).isZero();
    firstPtsUs = first.ptsUs();

    // Forward past a keyframe, mid-frame, backwards, the very last frame, and back to the start
    // (before WebM's first frame: Opus pre-skip makes its start time negative).
    for (long target : List.of(3_000_000L, 5_019_000L, 7_520_000L, 1_000_000L, 9_960_000L, 0L)) {
      player.seek(target, true);
      PlayerEvent.Seeked seeked = events.next(PlayerEvent.Seeked.class);

      assertThat(seeked.positionUs()).isEqualTo(target);
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
    // On a loaded machine the first decoded frame can arrive after the first sample below.
    awaitFirstFrame();
    player.play();
    events.next(PlayerEvent.Playing.class);

    long previous = -1;
    int firstShown = -1;
    int lastShown = -1;
    for (int i = 0; i < 20; i++) {
      TimeUnit.MILLISECONDS.sleep(70);
      long before = player.positionUs();
      VideoFrame frame = player.currentFrame().orElseThrow();
      long after = player.positionUs();
      assertThat(before).isGreaterThanOrEqualTo(previous);
      previous = after;
      int shown = CounterVideos.frameNumber(frame.image());
      if (player.state() == PlaybackState.PLAYING) {
        // A frame is never shown before its time. How far it may trail the clock depends on how
        // loaded the machine is, so that is measured in benchmarks, not asserted here.
        assertThat(shown).isLessThanOrEqualTo(CounterVideos.frameAt(after));
      }
      assertThat(shown).isGreaterThanOrEqualTo(lastShown);
      firstShown = firstShown < 0 ? shown : firstShown;
      lastShown = shown;
    }
    assertThat(lastShown).as("frames advance while playing").isGreaterThan(firstShown);
    assertThat(previous).isGreaterThan(500_000L);
  }

  @Test
  void pauseKeepsThePictureAndTheEndShowsTheLastFrame() throws Exception {
    player.open(CounterVideos.get(Format.MP4_H264_AAC));
    events.next(PlayerEvent.Opened.class);
    player.seek(9_000_000L, true);
    events.next(PlayerEvent.Seeked.class);
    player.play();
    TimeUnit.MILLISECONDS.sleep(300);
    player.pause();
    events.next(PlayerEvent.Paused.class);
    int shown = CounterVideos.frameNumber(player.currentFrame().orElseThrow().image());
    TimeUnit.MILLISECONDS.sleep(300);
    assertThat(CounterVideos.frameNumber(player.currentFrame().orElseThrow().image())).isEqualTo(shown);

    player.play();
    events.next(PlayerEvent.Ended.class);
    assertThat(CounterVideos.frameNumber(player.currentFrame().orElseThrow().image())).isEqualTo(249);
  }

  private VideoFrame awaitFirstFrame() throws InterruptedException {
    awaitTrue(() -> player.currentFrame().isPresent(), () -> "a frame on screen");
    return player.currentFrame().orElseThrow();
  }

  private VideoFrame awaitFrame(int number) throws InterruptedException {
    awaitTrue(
        () -> player.currentFrame().map(f -> frameNumberOf(f.ptsUs()) == number).orElse(false),
        () -> "frame " + number + " on screen, now " + player.currentFrame().map(VideoFrame::ptsUs));
    return player.currentFrame().orElseThrow();
  }

  private int frameNumberOf(long ptsUs) {
    return (int) Math.round((ptsUs - firstPtsUs) / (double) CounterVideos.FRAME_US);
  }

  private static void awaitTrue(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what.get());
      }
      TimeUnit.MILLISECONDS.sleep(5);
    }
  }
}
