package io.syncer.player.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.EventRecorder;
import io.syncer.player.testing.StallingRangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stream whose bytes stop coming (a torrent piece not yet downloaded) holds the clock. */
class HttpStreamBufferingTest {

  @Test
  void holdsTheClockWhileTheStreamStallsAndResumesWhenBytesArrive() throws Exception {
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    EventRecorder events = new EventRecorder();
    try (StallingRangeServer server = new StallingRangeServer(video, Files.size(video) * 3 / 10);
        FfmpegPlayerBackend player = FfmpegPlayerBackend.builder().silent(true).build()) {
      player.addListener(events);
      player.open(server.uri());
      events.next(PlayerEvent.Opened.class);
      player.play();
      assertThat(server.awaitStalled()).as("the player read up to the stall").isTrue();

      // Playing straight after opening may buffer for a moment at the start; wait for the stall.
      long heldAt;
      do {
        heldAt = events.next(PlayerEvent.Buffering.class).positionUs();
      } while (heldAt < 1_000_000L);

      assertThat(heldAt).isBetween(1_000_000L, 5_000_000L);
      assertThat(player.state()).isEqualTo(PlaybackState.BUFFERING);
      TimeUnit.MILLISECONDS.sleep(200);
      assertThat(player.positionUs()).isEqualTo(heldAt);

      server.release();

      assertThat(events.next(PlayerEvent.Playing.class).positionUs()).isEqualTo(heldAt);
      long resumedAt = player.positionUs();
      TimeUnit.MILLISECONDS.sleep(200);
      assertThat(player.positionUs()).isGreaterThan(resumedAt);
      int shown = CounterVideos.frameNumber(player.currentFrame().orElseThrow().image());
      assertThat(shown).isGreaterThan(CounterVideos.frameAt(heldAt));
    }
  }
}
