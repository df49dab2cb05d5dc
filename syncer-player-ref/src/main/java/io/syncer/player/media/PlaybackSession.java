package io.syncer.player.media;

import io.syncer.protocol.time.MicroClock;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.bytedeco.javacv.FrameFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One opened media: its three threads, the queues between them, the media clock and the playback
 * state machine.
 *
 * <p>Threads: the decode thread ({@link DecodeLoop}) fills the queues; the video thread shows each
 * frame when the clock reaches it and drives the state machine (seek done, buffering, end); the
 * audio thread feeds the sound card, steered to the clock.
 *
 * <p>Thread-safety: safe for concurrent use. The state machine is guarded by this object's
 * monitor; the queues are concurrent; the clock has its own monitor and is never held while
 * taking this one.
 */
final class PlaybackSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PlaybackSession.class);

  /** How far ahead the decoder must be before playback resumes after running dry. */
  private static final long RESUME_AHEAD_US = 1_000_000L;
  /** Audio this far off the clock is dropped or waited for; smaller errors are not heard. */
  private static final long AUDIO_TOLERANCE_US = 40_000L;
  private static final long IDLE_PARK_US = 5_000L;
  private static final long MAX_PARK_US = 10_000L;
  private static final long JOIN_MILLIS = 3_000L;

  final LinkedBlockingDeque<Decoded<VideoFrame>> video = new LinkedBlockingDeque<>();
  final LinkedBlockingDeque<AudioChunk> audio = new LinkedBlockingDeque<>();

  private final URI media;
  private final MicroClock wall;
  private final MediaClock clock;
  private final Consumer<PlayerEvent> events;
  private final Consumer<VideoFrame> presenter;
  private final DoubleSupplier volume;
  private final boolean silent;
  private final BlockingQueue<DecoderCommand> commands = new LinkedBlockingQueue<>();
  private final Thread decodeThread;
  private final Thread videoThread;
  private final Thread audioThread;

  private volatile boolean closed;
  private volatile int epoch;
  private volatile DecoderProgress progress = DecoderProgress.start(0, 0L);
  private volatile MediaInfo info;
  private volatile long lastSeekLatencyUs = -1L;

  // Guarded by this.
  private PlaybackState state = PlaybackState.OPENING;
  private boolean playWhenReady;
  private long seekRequestedAtUs;
  private boolean seekExact;

  PlaybackSession(
      URI media,
      MicroClock wall,
      double rate,
      Consumer<PlayerEvent> events,
      Consumer<VideoFrame> presenter,
      DoubleSupplier volume,
      boolean silent) {
    this.media = media;
    this.wall = wall;
    this.clock = new MediaClock(wall);
    this.clock.setRate(rate);
    this.events = events;
    this.presenter = presenter;
    this.volume = volume;
    this.silent = silent;
    this.decodeThread = daemon(new DecodeLoop(media, this, commands, wall), "syncer-player-decode");
    this.videoThread = daemon(failingSafely(this::runVideo), "syncer-player-video");
    this.audioThread = daemon(failingSafely(this::runAudio), "syncer-player-audio");
  }

  private static Thread daemon(Runnable work, String name) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    return thread;
  }

  /** A bug in a playback thread stops playback with a message, not a silently frozen picture. */
  private Runnable failingSafely(Runnable loop) {
    return () -> {
      try {
        loop.run();
      } catch (RuntimeException e) {
        log.error("Playback thread {} failed on {}", Thread.currentThread().getName(), media, e);
        onFailed(UserMessages.playbackFailed());
      }
    };
  }

  void start() {
    decodeThread.start();
    videoThread.start();
    audioThread.start();
  }

  // ---- commands (any thread) ----

  synchronized void play() {
    playWhenReady = true;
    if (state == PlaybackState.PAUSED) {
      startClock();
    } else if (state == PlaybackState.ENDED) {
      seek(0L, true);
    }
  }

  synchronized void pause() {
    boolean wasPlaying = playWhenReady;
    playWhenReady = false;
    if (state == PlaybackState.PLAYING || state == PlaybackState.BUFFERING) {
      clock.stop();
      state = PlaybackState.PAUSED;
    }
    if (wasPlaying) {
      events.accept(new PlayerEvent.Paused(clock.positionUs()));
    }
  }

  synchronized void seek(long targetUs, boolean exact) {
    if (state == PlaybackState.FAILED || closed) {
      return;
    }
    long duration = info == null ? -1L : info.durationUs();
    long target = Math.max(0L, duration > 0 ? Math.min(targetUs, duration) : targetUs);
    epoch++;
    video.clear();
    audio.clear();
    clock.stop();
    clock.setPosition(target);
    state = PlaybackState.SEEKING;
    seekRequestedAtUs = wall.nowMicros();
    seekExact = exact;
    commands.add(new DecoderCommand.Seek(epoch, target, exact));
  }

  void setRate(double rate) {
    clock.setRate(rate);
  }

  long positionUs() {
    return clock.positionUs();
  }

  synchronized PlaybackState state() {
    return state;
  }

  MediaInfo info() {
    return info;
  }

  long lastSeekLatencyUs() {
    return lastSeekLatencyUs;
  }

  // ---- from the decode thread ----

  void publish(DecoderProgress newProgress) {
    progress = newProgress;
  }

  synchronized void onOpened(MediaInfo opened) {
    info = opened;
    events.accept(new PlayerEvent.Opened(opened));
    if (state == PlaybackState.OPENING) {
      state = PlaybackState.PAUSED;
      if (playWhenReady) {
        startClock();
      }
    }
  }

  synchronized void onFailed(String message) {
    clock.stop();
    state = PlaybackState.FAILED;
    events.accept(new PlayerEvent.Failed(message));
  }

  // ---- the video thread: presents frames and moves the state machine ----

  private void runVideo() {
    int presentedEpoch = -1;
    while (!closed) {
      advanceState();
      Decoded<VideoFrame> head = video.peekFirst();
      int current = epoch;
      if (head == null) {
        park(IDLE_PARK_US);
        continue;
      }
      if (head.epoch() != current) {
        video.removeFirstOccurrence(head);
        continue;
      }
      boolean firstOfEpoch = presentedEpoch != current;
      long position = clock.positionUs();
      if (!firstOfEpoch && head.item().ptsUs() > position) {
        park(Math.min(clock.wallMicrosUntil(head.item().ptsUs()), MAX_PARK_US));
        continue;
      }
      video.removeFirstOccurrence(head);
      Decoded<VideoFrame> next = video.peekFirst();
      boolean late = next != null && next.epoch() == current && next.item().ptsUs() <= position;
      if (firstOfEpoch || !late) {
        presentedEpoch = current;
        presenter.accept(head.item());
      }
    }
  }

  private synchronized void advanceState() {
    DecoderProgress p = progress;
    if (p.epoch() != epoch) {
      return;
    }
    switch (state) {
      case SEEKING -> {
        if (p.ready() || p.endOfStream()) {
          lastSeekLatencyUs = (p.ready() ? p.readyAtUs() : wall.nowMicros()) - seekRequestedAtUs;
          if (!seekExact && p.ready()) {
            clock.setPosition(p.firstPtsUs());
          }
          state = PlaybackState.PAUSED;
          events.accept(new PlayerEvent.Seeked(clock.positionUs(), lastSeekLatencyUs));
          if (playWhenReady) {
            startClock();
          }
        }
      }
      case PLAYING -> {
        long position = clock.positionUs();
        if (position >= p.decodedUntilUs()) {
          clock.stop();
          if (p.endOfStream()) {
            clock.setPosition(Math.max(p.decodedUntilUs(), 0L));
            state = PlaybackState.ENDED;
            events.accept(new PlayerEvent.Ended(clock.positionUs()));
          } else {
            state = PlaybackState.BUFFERING;
            events.accept(new PlayerEvent.Buffering(clock.positionUs()));
          }
        }
      }
      case BUFFERING -> {
        if (p.endOfStream() || p.full() || p.decodedUntilUs() - clock.positionUs() >= RESUME_AHEAD_US) {
          startClock();
        }
      }
      default -> {
        // OPENING, PAUSED, ENDED, FAILED, IDLE: only commands move these.
      }
    }
  }

  private void startClock() {
    long startedAt = clock.positionUs();
    clock.start();
    state = PlaybackState.PLAYING;
    events.accept(new PlayerEvent.Playing(startedAt));
  }

  // ---- the audio thread: feeds the output, steered to the media clock ----

  private void runAudio() {
    AudioOutput output = null;
    TempoFilter tempo = null;
    double tempoRate = 1.0;
    boolean tempoBroken = false;
    int writtenEpoch = -1;
    try {
      while (!closed) {
        AudioChunk chunk = audio.peekFirst();
        if (chunk == null) {
          park(IDLE_PARK_US);
          continue;
        }
        int current = epoch;
        if (chunk.epoch() != current) {
          audio.removeFirstOccurrence(chunk);
          continue;
        }
        if (output == null) {
          output = openOutput(chunk.sampleRate(), chunk.channels());
        }
        if (!clock.isRunning()) {
          output.pause();
          park(MAX_PARK_US);
          continue;
        }
        if (writtenEpoch != current) {
          output.flush();
          writtenEpoch = current;
          tempo = closeQuietly(tempo);
        }
        output.resume();
        double rate = clock.rate();
        // The media time at which audio written now will be heard.
        long heardAtUs = clock.positionUs() + Math.round(output.queuedMicros() * rate);
        if (chunk.endUs() <= heardAtUs) {
          audio.removeFirstOccurrence(chunk);
          continue;
        }
        if (chunk.ptsUs() > heardAtUs + AUDIO_TOLERANCE_US) {
          park(Math.min(clock.wallMicrosUntil(chunk.ptsUs() - AUDIO_TOLERANCE_US), MAX_PARK_US));
          continue;
        }
        audio.removeFirstOccurrence(chunk);
        short[] samples = chunk.ptsUs() < heardAtUs - AUDIO_TOLERANCE_US ? chunk.samplesFrom(heardAtUs) : chunk.samples();
        samples = scaled(samples, volume.getAsDouble());
        if (rate != 1.0 && !tempoBroken) {
          try {
            if (tempo == null || tempoRate != rate) {
              tempo = closeQuietly(tempo);
              tempo = new TempoFilter(rate, chunk.sampleRate(), chunk.channels());
              tempoRate = rate;
            }
            samples = tempo.process(samples);
          } catch (FrameFilter.Exception e) {
            log.warn("Tempo filter failed; audio follows the clock by skipping instead", e);
            tempoBroken = true;
            tempo = closeQuietly(tempo);
          }
        } else if (rate == 1.0) {
          tempo = closeQuietly(tempo);
        }
        if (samples.length > 0) {
          output.write(samples);
        }
      }
    } finally {
      closeQuietly(tempo);
      if (output != null) {
        output.close();
      }
    }
  }

  private AudioOutput openOutput(int sampleRate, int channels) {
    AudioOutput output =
        silent
            ? new SilentAudioOutput(wall, sampleRate, channels)
            : JavaSoundAudioOutput.open(sampleRate, channels)
                .orElseGet(() -> new SilentAudioOutput(wall, sampleRate, channels));
    log.debug("Audio of {} goes to {}", media, output.description());
    return output;
  }

  private static TempoFilter closeQuietly(TempoFilter tempo) {
    if (tempo != null) {
      tempo.close();
    }
    return null;
  }

  private static short[] scaled(short[] samples, double volume) {
    if (volume >= 1.0) {
      return samples;
    }
    short[] out = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = (short) Math.round(samples[i] * volume);
    }
    return out;
  }

  private static void park(long micros) {
    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(Math.max(micros, 100L)));
  }

  /** Stops the three threads and waits for them; the decoder releases FFmpeg on its own thread. */
  @Override
  public void close() {
    closed = true;
    commands.add(new DecoderCommand.Close());
    for (Thread thread : new Thread[] {videoThread, audioThread, decodeThread}) {
      try {
        thread.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (thread.isAlive()) {
        // A stream read blocks until bytes arrive; the daemon thread ends when it returns.
        log.warn("{} is still blocked in a read of {}; it ends when the read returns", thread.getName(), media);
      }
    }
  }
}
