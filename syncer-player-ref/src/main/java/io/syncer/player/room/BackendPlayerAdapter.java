package io.syncer.player.room;

import io.syncer.core.session.PlayerAdapter;
import io.syncer.player.media.PlaybackState;
import io.syncer.player.media.PlayerBackend;
import io.syncer.player.media.PlayerEvent;
import io.syncer.player.media.PlayerListener;
import io.syncer.protocol.message.Media;
import io.syncer.protocol.message.PlayerState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@link PlayerBackend} as the participant session sees a player: the session's seeks,
 * pauses and rate nudges go to the backend, the backend's media clock is the position it
 * corrects, and the backend's opening, seeking and buffering are reported to the room as {@code
 * buffering}.
 *
 * <p>When the room chooses media, the {@link MediaOpener} fetches it (a torrent stream, for the
 * reference player) and the backend opens it; what the session asked for meanwhile (play, a
 * position, a rate) is applied as soon as it is open. Seek latency is measured on the backend's
 * own seeks, so the session aims its seeks where the timeline will be when they land.
 *
 * <p>Problems a person should hear of (the media cannot be fetched or played) go to the {@code
 * problems} consumer as sentences, on the opener's or the backend's thread.
 *
 * <p>Threads: one daemon thread, {@code syncer-media-open}, opens media in the backend (opening
 * closes the previous media, which may wait for its threads). {@link #close()} stops it; the
 * backend stays open (its owner closes it).
 *
 * <p>Thread-safety: safe for concurrent use; the session calls it from its executor, the backend
 * and the opener from their threads.
 */
public final class BackendPlayerAdapter implements PlayerAdapter, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BackendPlayerAdapter.class);

  /** Weight of the newest seek in the latency estimate: recent seeks say most about the next. */
  private static final double LATENCY_WEIGHT = 0.3;
  /** A seek slower than this (a stream waiting for bytes) says nothing about the next one. */
  private static final long MAX_LATENCY_SAMPLE_US = 2_000_000L;

  private final PlayerBackend backend;
  private final MediaOpener opener;
  private final Consumer<String> problems;
  private final PlayerListener listener = this::onEvent;
  private final ExecutorService opening =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "syncer-media-open");
            thread.setDaemon(true);
            return thread;
          });

  private volatile long seekLatencyUs;
  private volatile PlayableMedia media;

  // Guarded by this.
  private int generation;
  private boolean loading;
  private boolean failed;
  private boolean playing;
  private double rate = 1.0;
  private long positionBeforeOpenUs;
  private boolean closed;

  /**
   * @param backend the player; its owner closes it
   * @param opener makes the room's media playable here
   * @param problems told, as sentences for a person, when the media cannot be fetched or played
   */
  public BackendPlayerAdapter(PlayerBackend backend, MediaOpener opener, Consumer<String> problems) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.problems = Objects.requireNonNull(problems, "problems");
    backend.addListener(listener);
  }

  @Override
  public void mediaChanged(Optional<Media> chosen) {
    int thisLoad;
    synchronized (this) {
      if (closed) {
        return;
      }
      thisLoad = ++generation;
      releaseMedia();
      failed = false;
      positionBeforeOpenUs = 0;
      loading = chosen.isPresent();
    }
    if (chosen.isEmpty()) {
      backend.pause();
      return;
    }
    Media next = chosen.get();
    log.info("the room plays {} ({})", next.title(), next.infoHash());
    opener.open(next).whenCompleteAsync((playable, error) -> opened(thisLoad, playable, error), opening);
  }

  private void opened(int load, PlayableMedia playable, Throwable error) {
    synchronized (this) {
      if (load != generation || closed) {
        if (playable != null) {
          playable.close();
        }
        return;
      }
      loading = false;
      if (error != null) {
        failed = true;
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        log.warn("the room's media cannot be played here: {}", cause.toString());
        problems.accept(Objects.requireNonNullElse(cause.getMessage(), cause.toString()));
        return;
      }
      media = playable;
      backend.open(playable.location());
      backend.setRate(backendRate(rate));
      if (positionBeforeOpenUs > 0) {
        backend.seek(positionBeforeOpenUs, true);
      }
      if (playing) {
        backend.play();
      }
    }
  }

  @Override
  public synchronized long positionUs() {
    return loading || failed ? positionBeforeOpenUs : backend.positionUs();
  }

  @Override
  public synchronized void play() {
    playing = true;
    // After the end the backend would start over; only a seek moves an ended player.
    if (!loading && backend.state() != PlaybackState.ENDED) {
      backend.play();
    }
  }

  @Override
  public synchronized void pause() {
    playing = false;
    if (!loading) {
      backend.pause();
    }
  }

  @Override
  public synchronized void seek(long positionUs) {
    if (loading || failed) {
      positionBeforeOpenUs = Math.max(0, positionUs);
    } else {
      backend.seek(Math.max(0, positionUs), true);
    }
  }

  @Override
  public synchronized void setRate(double newRate) {
    rate = newRate;
    if (!loading) {
      backend.setRate(backendRate(newRate));
    }
  }

  @Override
  public double rate() {
    return backend.rate();
  }

  /**
   * Ready when the backend can show the position now (paused, playing, ended, or nothing to
   * play); buffering while the media is fetched, opened or seeked, while the stream has run dry,
   * and when it cannot be played at all (the room stops waiting for us after its stall timeout).
   */
  @Override
  public synchronized PlayerState state() {
    if (loading || failed) {
      return PlayerState.BUFFERING;
    }
    return switch (backend.state()) {
      case IDLE, PAUSED, PLAYING, ENDED -> PlayerState.READY;
      case OPENING, SEEKING, BUFFERING, FAILED -> PlayerState.BUFFERING;
    };
  }

  @Override
  public long bufferedAheadUs() {
    PlayableMedia current = media;
    return current == null ? 0 : Math.max(0, current.bufferedAheadUs());
  }

  @Override
  public long seekLatencyUs() {
    return seekLatencyUs;
  }

  /** Stops opening media and lets go of the current one; the backend stays open. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      generation++;
      releaseMedia();
    }
    backend.removeListener(listener);
    opening.shutdownNow();
    try {
      if (!opening.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("opening media did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void releaseMedia() {
    PlayableMedia previous = media;
    media = null;
    if (previous != null) {
      previous.close();
    }
  }

  private void onEvent(PlayerEvent event) {
    if (event instanceof PlayerEvent.Seeked seeked) {
      long sample = Math.min(Math.max(seeked.latencyUs(), 0), MAX_LATENCY_SAMPLE_US);
      long previous = seekLatencyUs;
      seekLatencyUs = previous == 0 ? sample : Math.round(previous + LATENCY_WEIGHT * (sample - previous));
    } else if (event instanceof PlayerEvent.Opened opened) {
      PlayableMedia current = media;
      if (current != null && opened.info().durationUs() > 0) {
        current.durationKnown(opened.info().durationUs());
      }
    } else if (event instanceof PlayerEvent.Failed failure) {
      problems.accept(failure.message());
    }
  }

  private static double backendRate(double roomRate) {
    return Math.max(PlayerBackend.MIN_RATE, Math.min(PlayerBackend.MAX_RATE, roomRate));
  }
}
