package io.syncer.player.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.syncer.protocol.time.MicroClock;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PlayerBackend} driving an external {@code mpv} through its JSON IPC socket: an
 * alternative engine where mpv is installed (it is optional; {@link #findMpv()} tells). mpv draws
 * into its own window (none when headless), so {@link #currentFrame()} is always empty.
 *
 * <p>The position is a rate-scaled {@link MediaClock}, corrected when mpv's {@code audio-pts}
 * ({@code time-pos} without audio) strays from it by more than mpv's reporting jitter:
 * {@code time-pos} alone moves in frame steps, {@code audio-pts} is continuous. Pitch is kept at
 * other rates by mpv's own scaletempo.
 *
 * <p>Threads: the mpv process, one IPC reader thread and one event thread per backend.
 *
 * <p>Thread-safety: safe for concurrent use from any thread.
 */
public final class MpvPlayerBackend implements PlayerBackend {

  private static final Logger log = LoggerFactory.getLogger(MpvPlayerBackend.class);
  private static final long IPC_CONNECT_MILLIS = 10_000L;
  /** audio-pts is continuous: a larger gap is mpv's audio clock really drifting or stalling. */
  private static final long AUDIO_PTS_TOLERANCE_US = 20_000L;
  /** time-pos moves in frame steps, so it lags the true position by up to a frame. */
  private static final long TIME_POS_TOLERANCE_US = 60_000L;
  private static final int OBSERVE_PAUSE = 1;
  private static final int OBSERVE_EOF = 2;
  private static final int OBSERVE_CACHE = 3;
  private static final int OBSERVE_AUDIO_PTS = 4;
  private static final int OBSERVE_TIME_POS = 5;

  private final MicroClock wall;
  private final MediaClock clock;
  private final Path socketDir;
  private final Process process;
  private final MpvIpc ipc;
  private final EventDispatcher events = new EventDispatcher();

  private volatile double rate = 1.0;
  private volatile double volume = 1.0;
  private volatile long lastSeekLatencyUs = -1L;

  // Guarded by this.
  private PlaybackState state = PlaybackState.IDLE;
  private URI media;
  private MediaInfo info;
  private boolean paused = true;
  private boolean hasAudioPts;
  private long seekRequestedAtUs = -1L;
  private long seekGeneration;
  // mpv answers the seek command before the seek's own playback-restart; a playback-restart seen
  // earlier belongs to something else (the opening of the file) and must not end the seek.
  private boolean seekAcknowledged;
  private boolean closed;

  private MpvPlayerBackend(Builder builder) throws IOException, InterruptedException {
    this.wall = builder.clock;
    this.clock = new MediaClock(wall);
    this.socketDir = Files.createTempDirectory("syncer-mpv");
    Path socket = socketDir.resolve("ipc");
    List<String> command = new ArrayList<>(List.of(
        builder.executable.toString(), "--idle=yes", "--input-ipc-server=" + socket,
        "--no-config", "--no-terminal", "--keep-open=yes", "--pause", "--hr-seek=yes",
        "--force-window=no", "--audio-pitch-correction=yes"));
    if (builder.headless) {
      command.addAll(List.of("--vo=null", "--ao=null"));
    }
    this.process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      this.ipc = MpvIpc.connect(socket, IPC_CONNECT_MILLIS, this::onMessage);
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
      deleteSocketDir();
      throw e;
    }
    ipc.command("observe_property", OBSERVE_PAUSE, "pause");
    ipc.command("observe_property", OBSERVE_EOF, "eof-reached");
    ipc.command("observe_property", OBSERVE_CACHE, "paused-for-cache");
    ipc.command("observe_property", OBSERVE_AUDIO_PTS, "audio-pts");
    ipc.command("observe_property", OBSERVE_TIME_POS, "time-pos");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The {@code mpv} executable on the PATH, if there is one. */
  public static Optional<Path> findMpv() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "mpv"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  @Override
  public synchronized void open(URI newMedia) {
    if (closed) {
      throw new IllegalStateException("the player was closed");
    }
    String scheme = newMedia.getScheme();
    media = newMedia;
    info = null;
    hasAudioPts = false;
    clock.stop();
    clock.setPosition(0L);
    if (!"file".equals(scheme) && !"http".equals(scheme) && !"https".equals(scheme)) {
      fail(UserMessages.unsupportedLocation(newMedia));
      return;
    }
    state = PlaybackState.OPENING;
    String location = "file".equals(scheme) ? Path.of(newMedia).toString() : newMedia.toString();
    ipc.command("set_property", "pause", true);
    ipc.command("loadfile", location, "replace");
  }

  @Override
  public synchronized void play() {
    if (state == PlaybackState.ENDED) {
      seek(0L, true);
    }
    ipc.command("set_property", "pause", false);
  }

  @Override
  public void pause() {
    ipc.command("set_property", "pause", true);
  }

  @Override
  public synchronized void seek(long positionUs, boolean exact) {
    if (info == null || state == PlaybackState.FAILED) {
      return;
    }
    long target = Math.max(0L, info.durationUs() > 0 ? Math.min(positionUs, info.durationUs()) : positionUs);
    seekRequestedAtUs = wall.nowMicros();
    clock.stop();
    clock.setPosition(target);
    state = PlaybackState.SEEKING;
    long generation = ++seekGeneration;
    seekAcknowledged = false;
    ipc.command("seek", target / 1e6, exact ? "absolute+exact" : "absolute+keyframes")
        .thenAccept(reply -> onSeekAcknowledged(generation));
  }

  private synchronized void onSeekAcknowledged(long generation) {
    if (generation == seekGeneration) {
      seekAcknowledged = true;
    }
  }

  @Override
  public void setRate(double newRate) {
    rate = EventDispatcher.requireRate(newRate);
    clock.setRate(newRate);
    ipc.command("set_property", "speed", newRate);
  }

  @Override
  public double rate() {
    return rate;
  }

  @Override
  public long positionUs() {
    return clock.positionUs();
  }

  @Override
  public synchronized long durationUs() {
    return info == null ? -1L : info.durationUs();
  }

  @Override
  public synchronized PlaybackState state() {
    return state;
  }

  @Override
  public void setVolume(double newVolume) {
    volume = EventDispatcher.requireVolume(newVolume);
    ipc.command("set_property", "volume", newVolume * 100.0);
  }

  @Override
  public double volume() {
    return volume;
  }

  @Override
  public long lastSeekLatencyUs() {
    return lastSeekLatencyUs;
  }

  /** Always empty: mpv presents the video itself. */
  @Override
  public Optional<VideoFrame> currentFrame() {
    return Optional.empty();
  }

  /** Accepted and never called: mpv presents the video itself. */
  @Override
  public void setVideoSink(Consumer<VideoFrame> sink) {
    Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void addListener(PlayerListener listener) {
    events.add(listener);
  }

  @Override
  public void removeListener(PlayerListener listener) {
    events.remove(listener);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    ipc.command("quit");
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    ipc.close();
    deleteSocketDir();
    events.close();
  }

  // ---- messages from mpv, on the IPC reader thread ----

  private void onMessage(JsonNode message) {
    String event = message.path("event").asText("");
    switch (event) {
      case "property-change" -> onPropertyChange(message.path("id").asInt(), message.path("data"));
      case "file-loaded" -> describeLoadedFile();
      case "playback-restart" -> onPlaybackRestart();
      case "end-file" -> {
        if ("error".equals(message.path("reason").asText())) {
          synchronized (this) {
            log.warn("mpv could not play {}: {}", media, message.path("file_error").asText());
            fail(UserMessages.openFailed(media, new IOException(message.path("file_error").asText())));
          }
        }
      }
      case "ipc-closed" -> {
        synchronized (this) {
          if (!closed) {
            log.warn("mpv exited unexpectedly");
            fail(UserMessages.playbackFailed());
          }
        }
      }
      default -> {
        // Other mpv events (audio-reconfig, video-reconfig, seek...) carry nothing we use.
      }
    }
  }

  private synchronized void onPropertyChange(int id, JsonNode data) {
    switch (id) {
      case OBSERVE_PAUSE -> {
        paused = data.asBoolean(true);
        if (state == PlaybackState.PLAYING && paused) {
          clock.stop();
          state = PlaybackState.PAUSED;
          events.emit(new PlayerEvent.Paused(clock.positionUs()));
        } else if ((state == PlaybackState.PAUSED) && !paused) {
          startClock();
        }
      }
      case OBSERVE_EOF -> {
        if (data.asBoolean(false) && info != null && state != PlaybackState.ENDED) {
          clock.stop();
          state = PlaybackState.ENDED;
          events.emit(new PlayerEvent.Ended(clock.positionUs()));
        }
      }
      case OBSERVE_CACHE -> {
        boolean waiting = data.asBoolean(false);
        if (waiting && state == PlaybackState.PLAYING) {
          clock.stop();
          state = PlaybackState.BUFFERING;
          events.emit(new PlayerEvent.Buffering(clock.positionUs()));
        } else if (!waiting && state == PlaybackState.BUFFERING) {
          if (paused) {
            state = PlaybackState.PAUSED;
          } else {
            startClock();
          }
        }
      }
      case OBSERVE_AUDIO_PTS, OBSERVE_TIME_POS -> {
        if (!data.isNumber() || state != PlaybackState.PLAYING) {
          return;
        }
        if (id == OBSERVE_AUDIO_PTS) {
          hasAudioPts = true;
        } else if (hasAudioPts) {
          return;
        }
        long observed = Math.round(data.asDouble() * 1e6);
        long tolerance = id == OBSERVE_AUDIO_PTS ? AUDIO_PTS_TOLERANCE_US : TIME_POS_TOLERANCE_US;
        // Re-anchoring on every report would pass mpv's reporting jitter on to the drift
        // controller; the clock runs free and is corrected only when mpv really diverges.
        if (Math.abs(observed - clock.positionUs()) > tolerance) {
          clock.setPosition(observed);
        }
      }
      default -> {
        // Not one of ours.
      }
    }
  }

  /** Reads the demuxer's view of the streams: decoder output is not set up yet while paused. */
  private void describeLoadedFile() {
    CompletableFuture<JsonNode> duration = ipc.command("get_property", "duration");
    CompletableFuture<JsonNode> tracks = ipc.command("get_property", "track-list");
    CompletableFuture<JsonNode> format = ipc.command("get_property", "file-format");
    CompletableFuture.allOf(duration, tracks, format)
        .thenRun(() -> {
          JsonNode video = firstTrack(tracks.join().path("data"), "video");
          JsonNode audio = firstTrack(tracks.join().path("data"), "audio");
          JsonNode seconds = duration.join().path("data");
          onOpened(new MediaInfo(
              seconds.isNumber() ? Math.round(seconds.asDouble() * 1e6) : -1L,
              format.join().path("data").asText(""),
              video.path("codec").asText(""),
              video.path("demux-w").asInt(0),
              video.path("demux-h").asInt(0),
              1.0,
              video.path("demux-fps").asDouble(0.0),
              audio.path("codec").asText(""),
              audio.path("demux-samplerate").asInt(0)));
        })
        .exceptionally(e -> {
          log.debug("mpv went away while describing {}", media, e);
          return null;
        });
  }

  private static JsonNode firstTrack(JsonNode trackList, String type) {
    for (JsonNode track : trackList) {
      if (type.equals(track.path("type").asText())) {
        return track;
      }
    }
    return MissingNode.getInstance();
  }

  private synchronized void onOpened(MediaInfo opened) {
    info = opened;
    if (state == PlaybackState.OPENING) {
      state = paused ? PlaybackState.PAUSED : PlaybackState.PLAYING;
    }
    events.emit(new PlayerEvent.Opened(opened));
  }

  private synchronized void onPlaybackRestart() {
    if (state != PlaybackState.SEEKING || !seekAcknowledged) {
      return;
    }
    lastSeekLatencyUs = wall.nowMicros() - seekRequestedAtUs;
    long latency = lastSeekLatencyUs;
    ipc.command("get_property", "time-pos").thenAccept(reply -> onSeeked(reply.path("data"), latency));
  }

  private synchronized void onSeeked(JsonNode timePos, long latencyUs) {
    if (state != PlaybackState.SEEKING) {
      return;
    }
    if (timePos.isNumber()) {
      clock.setPosition(Math.round(timePos.asDouble() * 1e6));
    }
    state = PlaybackState.PAUSED;
    events.emit(new PlayerEvent.Seeked(clock.positionUs(), latencyUs));
    if (!paused) {
      startClock();
    }
  }

  private void startClock() {
    long startedAt = clock.positionUs();
    clock.start();
    state = PlaybackState.PLAYING;
    events.emit(new PlayerEvent.Playing(startedAt));
  }

  private void fail(String message) {
    clock.stop();
    state = PlaybackState.FAILED;
    events.emit(new PlayerEvent.Failed(message));
  }

  private void deleteSocketDir() {
    try (Stream<Path> files = Files.walk(socketDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.debug("Could not delete {}", socketDir, e);
    }
  }

  /**
   * Configures an mpv backend.
   *
   * <p>Thread-safety: not thread-safe; build on one thread.
   */
  public static final class Builder {
    private Path executable;
    private MicroClock clock = MicroClock.system();
    private boolean headless;

    private Builder() {}

    /** The mpv program; by default the one on the PATH. */
    public Builder executable(Path mpv) {
      this.executable = Objects.requireNonNull(mpv, "mpv");
      return this;
    }

    public Builder clock(MicroClock wallClock) {
      this.clock = Objects.requireNonNull(wallClock, "wallClock");
      return this;
    }

    /** No window and no sound device ({@code --vo=null --ao=null}). */
    public Builder headless(boolean noWindowNoSound) {
      this.headless = noWindowNoSound;
      return this;
    }

    /**
     * Starts mpv and connects to it.
     *
     * @throws IOException when mpv is missing or does not open its IPC socket in time
     */
    public MpvPlayerBackend build() throws IOException, InterruptedException {
      if (executable == null) {
        executable = findMpv().orElseThrow(() -> new IOException("mpv is not installed (not on the PATH)"));
      }
      return new MpvPlayerBackend(this);
    }
  }
}
