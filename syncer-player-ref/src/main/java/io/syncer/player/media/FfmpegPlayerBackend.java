package io.syncer.player.media;

import io.syncer.protocol.time.MicroClock;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PlayerBackend} that decodes with the FFmpeg bundled in JavaCV's Maven jars: no system
 * libraries, H.264, H.265, VP9 and AV1 video, AAC, Opus, AC3 and MP3 audio in MP4, MKV and WebM,
 * from files or HTTP (Range) streams.
 *
 * <p>Works without a window and without a sound card: frames are still decoded and presented on
 * the media clock (read them with {@link #currentFrame()}), and audio goes to a silent output
 * paced like a sound card when Java Sound has no device or {@link Builder#silent(boolean)} asks.
 *
 * <p>Each opened media gets a decode thread (the only one touching FFmpeg), a video thread and an
 * audio thread; events go out on one event thread per backend.
 *
 * <p>Thread-safety: safe for concurrent use from any thread.
 */
public final class FfmpegPlayerBackend implements PlayerBackend {

  private static final Logger log = LoggerFactory.getLogger(FfmpegPlayerBackend.class);

  private final MicroClock wall;
  private final boolean silent;
  private final EventDispatcher events = new EventDispatcher();

  private volatile double rate = 1.0;
  private volatile double volume = 1.0;
  private volatile Consumer<VideoFrame> videoSink = frame -> {};
  private volatile VideoFrame currentFrame;

  // Guarded by this.
  private PlaybackSession session;
  private boolean closed;

  private FfmpegPlayerBackend(Builder builder) {
    this.wall = builder.clock;
    this.silent = builder.silent;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads FFmpeg's native libraries now rather than on the first open. The first load on a
   * machine unpacks them to {@code ~/.javacpp/cache} (seconds); apps call this on a background
   * thread at start-up.
   *
   * @return false when they cannot be loaded on this machine (logged)
   */
  public static boolean loadNatives() {
    try {
      FFmpegFrameGrabber.tryLoad();
      FFmpegFrameFilter.tryLoad();
      return true;
    } catch (Exception | LinkageError e) {
      log.warn("FFmpeg's native libraries could not be loaded", e);
      return false;
    }
  }

  @Override
  public synchronized void open(URI media) {
    if (closed) {
      throw new IllegalStateException("the player was closed");
    }
    closeSession();
    currentFrame = null;
    session =
        new PlaybackSession(media, wall, rate, events::emit, this::present, () -> volume, silent);
    String scheme = media.getScheme();
    if (!"file".equals(scheme) && !"http".equals(scheme) && !"https".equals(scheme)) {
      log.warn("Refusing to open {}: unsupported scheme", media);
      session.onFailed(UserMessages.unsupportedLocation(media));
      return;
    }
    session.start();
  }

  @Override
  public void play() {
    current().ifPresent(PlaybackSession::play);
  }

  @Override
  public void pause() {
    current().ifPresent(PlaybackSession::pause);
  }

  @Override
  public void seek(long positionUs, boolean exact) {
    current().ifPresent(s -> s.seek(positionUs, exact));
  }

  @Override
  public void setRate(double newRate) {
    rate = EventDispatcher.requireRate(newRate);
    current().ifPresent(s -> s.setRate(newRate));
  }

  @Override
  public double rate() {
    return rate;
  }

  @Override
  public long positionUs() {
    return current().map(PlaybackSession::positionUs).orElse(0L);
  }

  @Override
  public long durationUs() {
    return current().map(PlaybackSession::info).map(MediaInfo::durationUs).orElse(-1L);
  }

  @Override
  public PlaybackState state() {
    return current().map(PlaybackSession::state).orElse(PlaybackState.IDLE);
  }

  @Override
  public void setVolume(double newVolume) {
    volume = EventDispatcher.requireVolume(newVolume);
  }

  @Override
  public double volume() {
    return volume;
  }

  @Override
  public long lastSeekLatencyUs() {
    return current().map(PlaybackSession::lastSeekLatencyUs).orElse(-1L);
  }

  @Override
  public Optional<VideoFrame> currentFrame() {
    return Optional.ofNullable(currentFrame);
  }

  @Override
  public void setVideoSink(Consumer<VideoFrame> sink) {
    videoSink = Objects.requireNonNull(sink, "sink");
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
      closeSession();
    }
    events.close();
  }

  private synchronized Optional<PlaybackSession> current() {
    return Optional.ofNullable(session);
  }

  private void closeSession() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private void present(VideoFrame frame) {
    currentFrame = frame;
    try {
      videoSink.accept(frame);
    } catch (RuntimeException e) {
      log.warn("The video sink failed on the frame at {} µs", frame.ptsUs(), e);
    }
  }

  /**
   * Configures a backend.
   *
   * <p>Thread-safety: not thread-safe; build on one thread.
   */
  public static final class Builder {
    private MicroClock clock = MicroClock.system();
    private boolean silent;

    private Builder() {}

    /**
     * The wall clock the media clock scales; the system's monotonic clock by default. It must run
     * in real time (frames and audio are paced by sleeping), for example the room's synchronized
     * clock; virtual time is for the algorithms, not for a real decoder.
     */
    public Builder clock(MicroClock wallClock) {
      this.clock = Objects.requireNonNull(wallClock, "wallClock");
      return this;
    }

    /** Never opens a sound device (headless participants, tests); audio is still paced. */
    public Builder silent(boolean noSound) {
      this.silent = noSound;
      return this;
    }

    public FfmpegPlayerBackend build() {
      return new FfmpegPlayerBackend(this);
    }
  }
}
