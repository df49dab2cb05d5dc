package io.syncer.player.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.media.FfmpegPlayerBackend;
import io.syncer.player.media.PlaybackState;
import io.syncer.player.testing.Await;
import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.StallingRangeServer;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.PlayerState;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session's calls reach the real FFmpeg backend, and its state reaches the room. */
class BackendPlayerAdapterTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Media MOVIE =
      new Media("movie-1", "Counter", "0123456789abcdef0123456789abcdef01234567",
          "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567", 0, OptionalLong.empty(),
          OptionalLong.empty());

  private final FfmpegPlayerBackend backend = FfmpegPlayerBackend.builder().silent(true).build();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final CompletableFuture<PlayableMedia> fetched = new CompletableFuture<>();
  private final BackendPlayerAdapter adapter = new BackendPlayerAdapter(backend, media -> fetched, problems::add);

  @AfterEach
  void close() {
    adapter.close();
    backend.close();
  }

  @Test
  void buffersWhileTheMediaIsFetchedThenPlaysFromWhereTheSessionSaid() throws Exception {
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    adapter.mediaChanged(Optional.of(MOVIE));

    assertThat(adapter.state()).isEqualTo(PlayerState.BUFFERING);
    adapter.seek(3_000_000L);
    adapter.setRate(1.02);
    adapter.play();
    assertThat(adapter.positionUs()).isEqualTo(3_000_000L);

    FileMedia media = new FileMedia(video);
    fetched.complete(media);

    Await.until(WAIT, () -> backend.state() == PlaybackState.PLAYING, () -> "backend " + backend.state());
    assertThat(adapter.state()).isEqualTo(PlayerState.READY);
    assertThat(adapter.positionUs()).isGreaterThanOrEqualTo(3_000_000L);
    assertThat(adapter.rate()).isEqualTo(1.02);
    // The backend reports the seek (and its latency) on its event thread, which may run after
    // its state already says playing.
    Await.until(WAIT, () -> adapter.seekLatencyUs() > 0, () -> "seek latency not measured on the seek to 3 s");
    assertThat(adapter.bufferedAheadUs()).isEqualTo(FileMedia.AHEAD_US);
    Await.until(WAIT, () -> media.durationUs > 0, () -> "duration not passed on");
    assertThat(media.durationUs).isBetween(9_900_000L, 10_100_000L);
    Await.until(WAIT, () -> backend.currentFrame().isPresent()
        && CounterVideos.frameNumber(backend.currentFrame().get().image()) >= CounterVideos.frameAt(3_000_000L),
        () -> "frame on screen " + backend.currentFrame());

    adapter.pause();
    Await.until(WAIT, () -> backend.state() == PlaybackState.PAUSED, () -> "backend " + backend.state());
    adapter.seek(7_000_000L);
    Await.until(WAIT, () -> adapter.state() == PlayerState.READY && backend.state() == PlaybackState.PAUSED,
        () -> "after the seek: " + backend.state());
    assertThat(adapter.positionUs()).isEqualTo(7_000_000L);
    assertThat(problems).isEmpty();

    adapter.mediaChanged(Optional.empty());
    assertThat(media.closed).as("the room's old media is let go").isTrue();
  }

  @Test
  void aStreamRunningDryIsBufferingUntilItsBytesArrive() throws Exception {
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    try (StallingRangeServer server = new StallingRangeServer(video, Files.size(video) * 3 / 10)) {
      adapter.mediaChanged(Optional.of(MOVIE));
      adapter.play();
      fetched.complete(new FileMedia(server.uri()));
      assertThat(server.awaitStalled()).isTrue();

      Await.until(WAIT, () -> backend.state() == PlaybackState.BUFFERING && backend.positionUs() > 1_000_000L,
          () -> "backend " + backend.state() + " at " + backend.positionUs());
      assertThat(adapter.state()).isEqualTo(PlayerState.BUFFERING);

      server.release();
      Await.until(WAIT, () -> adapter.state() == PlayerState.READY, () -> "backend " + backend.state());
      assertThat(backend.state()).isEqualTo(PlaybackState.PLAYING);
    }
  }

  @Test
  void mediaThatCannotBeFetchedIsBufferingAndToldToThePerson() throws Exception {
    adapter.mediaChanged(Optional.of(MOVIE));
    fetched.completeExceptionally(new IllegalStateException("Nobody in the room has this movie."));

    Await.until(WAIT, () -> !problems.isEmpty(), () -> "no problem reported");
    assertThat(problems).containsExactly("Nobody in the room has this movie.");
    assertThat(adapter.state()).isEqualTo(PlayerState.BUFFERING);
  }

  @Test
  void roomRatesBeyondWhatTheBackendPlaysAreClamped() throws Exception {
    adapter.mediaChanged(Optional.of(MOVIE));
    fetched.complete(new FileMedia(CounterVideos.get(Format.MP4_H264_AAC)));
    Await.until(WAIT, () -> adapter.state() == PlayerState.READY, () -> "backend " + backend.state());

    adapter.setRate(4.0);
    assertThat(adapter.rate()).isEqualTo(2.0);
    adapter.setRate(0.25);
    assertThat(adapter.rate()).isEqualTo(0.5);
  }

  /** A file or URL standing in for a torrent stream. */
  private static final class FileMedia implements PlayableMedia {
    static final long AHEAD_US = 42_000_000L;
    private final URI location;
    volatile long durationUs;
    volatile boolean closed;

    FileMedia(Path file) {
      this(file.toAbsolutePath().toUri());
    }

    FileMedia(URI location) {
      this.location = location;
    }

    @Override
    public URI location() {
      return location;
    }

    @Override
    public long bufferedAheadUs() {
      return AHEAD_US;
    }

    @Override
    public void durationKnown(long duration) {
      durationUs = duration;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
