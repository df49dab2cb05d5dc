package io.syncer.player.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.Arrays;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameFilter;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameFilter;
import org.slf4j.LoggerFactory;

/**
 * Changes audio speed without changing its pitch, with FFmpeg's {@code atempo}; a plain resample
 * would make a 5 % catch-up audible as a semitone shift.
 *
 * <p>Thread-safety: confined to one thread (the audio thread).
 */
final class TempoFilter implements AutoCloseable {

  private final FFmpegFrameFilter filter;
  private final int channels;
  private final int sampleRate;
  private ShortBuffer input = ShortBuffer.allocate(0);

  TempoFilter(double rate, int sampleRate, int channels) throws FrameFilter.Exception {
    this.channels = channels;
    this.sampleRate = sampleRate;
    // atempo alone may output float samples; aformat pins 16-bit so the output line can take it.
    filter =
        new FFmpegFrameFilter(
            String.format(Locale.ROOT, "atempo=%.6f,aformat=sample_fmts=s16", rate),
            channels);
    filter.setSampleRate(sampleRate);
    filter.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
    filter.start();
  }

  /** Pushes samples in and returns what the filter has ready (may be empty while it fills). */
  short[] process(short[] interleaved) throws FrameFilter.Exception {
    if (input.capacity() < interleaved.length) {
      input =
          ByteBuffer.allocateDirect(interleaved.length * 2)
              .order(ByteOrder.nativeOrder())
              .asShortBuffer();
    }
    input.clear();
    input.put(interleaved).flip();
    filter.pushSamples(0, channels, sampleRate, avutil.AV_SAMPLE_FMT_S16, input);
    short[] out = new short[0];
    Frame frame;
    while ((frame = filter.pullSamples()) != null) {
      ShortBuffer samples = (ShortBuffer) frame.samples[0];
      short[] grown = Arrays.copyOf(out, out.length + samples.remaining());
      samples.get(grown, out.length, samples.remaining());
      out = grown;
    }
    return out;
  }

  @Override
  public void close() {
    try {
      filter.close();
    } catch (FrameFilter.Exception e) {
      // Releasing native memory of a filter we no longer use; nothing the user can act on.
      LoggerFactory.getLogger(TempoFilter.class).debug("closing atempo filter", e);
    }
  }
}
