package io.syncer.player.media;

import io.syncer.protocol.time.MicroClock;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The decode thread's work: owns the {@link FFmpegFrameGrabber} from open to release, reads ahead
 * of the media clock into the session's queues, and carries out seeks.
 *
 * <p>Thread-safety: runs on exactly one thread; other threads reach it only through the command
 * queue and see its output through the session's queues and {@link DecoderProgress}.
 */
final class DecodeLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(DecodeLoop.class);

  /** Frames decoded ahead of the clock; a few hundred ms smooths decode-time jitter. */
  static final int VIDEO_AHEAD_FRAMES = 8;
  /** Hard limits when one stream runs far ahead of the other in the container. */
  static final int VIDEO_CAP_FRAMES = 24;

  static final long AUDIO_AHEAD_US = 500_000L;
  static final long AUDIO_CAP_US = 4_000_000L;

  /**
   * JavaCV's seek reads and drops frames until one starts at or after the target; asking for a
   * point this far before it (one video frame plus an audio frame or two) keeps the frame that
   * contains the target, and this loop drops the rest.
   */
  private static final long EXACT_SEEK_LEAD_US = 100_000L;

  private final URI media;
  private final PlaybackSession session;
  private final BlockingQueue<DecoderCommand> commands;
  private final MicroClock wall;

  private SeekingGrabber grabber;
  private MediaInfo info;
  private long originUs;

  private int epoch;
  private long dropBeforeUs = Long.MIN_VALUE;
  private long videoUntilUs;
  private long audioUntilUs;
  private boolean ready;
  private long readyAtUs = -1;
  private long firstPtsUs = -1;
  private boolean endOfStream;

  DecodeLoop(URI media, PlaybackSession session, BlockingQueue<DecoderCommand> commands, MicroClock wall) {
    this.media = media;
    this.session = session;
    this.commands = commands;
    this.wall = wall;
  }

  @Override
  public void run() {
    try {
      open();
    } catch (FrameGrabber.Exception | LinkageError | RuntimeException e) {
      log.warn("Could not open {}", media, e);
      release();
      session.onFailed(UserMessages.openFailed(media, e));
      return;
    }
    session.onOpened(info);
    try {
      decode();
    } catch (FrameGrabber.Exception | RuntimeException e) {
      log.warn("Decoding {} failed", media, e);
      session.onFailed(UserMessages.playbackFailed());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      release();
    }
  }

  private void open() throws FrameGrabber.Exception {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    String location = "file".equals(media.getScheme()) ? Path.of(media).toString() : media.toString();
    grabber = new SeekingGrabber(location);
    grabber.start();
    boolean hasVideo = grabber.hasVideo() && grabber.getImageWidth() > 0;
    boolean hasAudio = grabber.hasAudio() && grabber.getSampleRate() > 0;
    if (hasAudio) {
      // Down- or up-mixed to stereo 16-bit: what every sound card takes and atempo keeps.
      grabber.setAudioChannels(2);
      grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
    }
    long startTime = grabber.getFormatContext().start_time();
    originUs = startTime == avutil.AV_NOPTS_VALUE ? 0L : startTime;
    long length = grabber.getLengthInTime();
    info =
        new MediaInfo(
            length > 0 ? length : -1L,
            Objects.requireNonNullElse(grabber.getFormat(), ""),
            hasVideo ? Objects.requireNonNullElse(grabber.getVideoCodecName(), "") : "",
            hasVideo ? grabber.getImageWidth() : 0,
            hasVideo ? grabber.getImageHeight() : 0,
            hasVideo ? grabber.getAspectRatio() : 1.0,
            hasVideo ? grabber.getVideoFrameRate() : 0.0,
            hasAudio ? Objects.requireNonNullElse(grabber.getAudioCodecName(), "") : "",
            hasAudio ? grabber.getSampleRate() : 0);
    if (!hasVideo && !hasAudio) {
      throw new FrameGrabber.Exception("no audio or video stream in " + media);
    }
    session.publish(DecoderProgress.start(0, 0L));
  }

  private void decode() throws FrameGrabber.Exception, InterruptedException {
    while (true) {
      boolean idle = endOfStream || full();
      DecoderCommand command = idle ? commands.poll(10, TimeUnit.MILLISECONDS) : commands.poll();
      if (command instanceof DecoderCommand.Close) {
        return;
      }
      if (command instanceof DecoderCommand.Seek seek) {
        seek(seek);
      } else if (idle) {
        publish();
      } else {
        decodeOne();
      }
    }
  }

  private void seek(DecoderCommand.Seek seek) throws FrameGrabber.Exception {
    epoch = seek.epoch();
    endOfStream = false;
    ready = false;
    readyAtUs = -1;
    firstPtsUs = -1;
    videoUntilUs = seek.targetUs();
    audioUntilUs = seek.targetUs();
    long lead = seek.exact() ? info.frameDurationUs() + EXACT_SEEK_LEAD_US : 0L;
    dropBeforeUs = seek.exact() ? seek.targetUs() : Long.MIN_VALUE;
    grabber.seekBackwardTo(Math.max(0L, seek.targetUs() - lead));
    publish();
  }

  private void decodeOne() throws FrameGrabber.Exception {
    Frame frame = grabber.grabFrame(true, true, true, false, false);
    if (frame == null) {
      endOfStream = true;
    } else if (frame.image != null && info.hasVideo()) {
      queueVideo(frame, frame.timestamp - originUs);
    } else if (frame.samples != null && info.hasAudio()) {
      queueAudio(frame, frame.timestamp - originUs);
    }
    publish();
  }

  private void queueVideo(Frame frame, long ptsUs) {
    long durationUs = info.frameDurationUs();
    if (ptsUs + durationUs <= dropBeforeUs) {
      return;
    }
    session.video.add(new Decoded<>(epoch, new VideoFrame(ptsUs, durationUs, copyImage(frame), info.pixelAspectRatio())));
    videoUntilUs = Math.max(videoUntilUs, ptsUs + durationUs);
    markReady(ptsUs);
  }

  private void queueAudio(Frame frame, long ptsUs) {
    ShortBuffer buffer = ((ShortBuffer) frame.samples[0]).duplicate();
    short[] samples = new short[buffer.remaining()];
    buffer.get(samples);
    AudioChunk chunk = new AudioChunk(epoch, ptsUs, samples, frame.audioChannels, frame.sampleRate);
    if (chunk.endUs() <= dropBeforeUs || chunk.frames() == 0) {
      return;
    }
    if (ptsUs < dropBeforeUs) {
      chunk = new AudioChunk(epoch, dropBeforeUs, chunk.samplesFrom(dropBeforeUs), chunk.channels(), chunk.sampleRate());
    }
    session.audio.add(chunk);
    audioUntilUs = Math.max(audioUntilUs, chunk.endUs());
    if (!info.hasVideo()) {
      markReady(chunk.ptsUs());
    }
  }

  private void markReady(long ptsUs) {
    if (!ready) {
      ready = true;
      readyAtUs = wall.nowMicros();
      firstPtsUs = ptsUs;
    }
  }

  /** Copies the picture out of the grabber's buffer, which the next grab overwrites. */
  private static BufferedImage copyImage(Frame frame) {
    int width = frame.imageWidth;
    int height = frame.imageHeight;
    int rowBytes = width * 3;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    ByteBuffer source = ((ByteBuffer) frame.image[0]).duplicate();
    for (int y = 0; y < height; y++) {
      source.position(y * frame.imageStride);
      source.get(pixels, y * rowBytes, rowBytes);
    }
    return image;
  }

  private boolean full() {
    int frames = session.video.size();
    long audioAheadUs = queuedAudioUs();
    boolean videoEnough = !info.hasVideo() || frames >= VIDEO_AHEAD_FRAMES;
    boolean audioEnough = !info.hasAudio() || audioAheadUs >= AUDIO_AHEAD_US;
    return (videoEnough && audioEnough) || frames >= VIDEO_CAP_FRAMES || audioAheadUs >= AUDIO_CAP_US;
  }

  private long queuedAudioUs() {
    AudioChunk first = session.audio.peekFirst();
    AudioChunk last = session.audio.peekLast();
    return first == null || last == null ? 0L : last.endUs() - first.ptsUs();
  }

  private void publish() {
    long until = info.hasVideo() ? videoUntilUs : audioUntilUs;
    if (endOfStream) {
      until = Math.max(videoUntilUs, audioUntilUs);
    }
    session.publish(new DecoderProgress(epoch, until, ready, readyAtUs, firstPtsUs, full(), endOfStream));
  }

  private void release() {
    if (grabber == null) {
      return;
    }
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      log.debug("Releasing the decoder of {}", media, e);
    }
    grabber = null;
  }

  /**
   * JavaCV's seek first "flushes backwards": it reads frames while the last one read lies past
   * the target. A target before every decodable frame (seeking to 0 in a WebM whose Opus pre-skip
   * gives a negative start time) then reads to the end of the file. FFmpeg's backward seek already
   * lands on a keyframe at or before the target, so that loop is skipped by clearing the last
   * timestamp; JavaCV then decodes forward to the target as usual.
   */
  private static final class SeekingGrabber extends FFmpegFrameGrabber {

    SeekingGrabber(String location) {
      super(location);
    }

    void seekBackwardTo(long mediaUs) throws FrameGrabber.Exception {
      timestamp = Long.MIN_VALUE;
      setTimestamp(mediaUs);
    }
  }
}
