package io.syncer.player.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** atempo changes duration, not pitch: a 440 Hz tone stays 440 Hz when played 5 % faster. */
class TempoFilterTest {

  private static final int SAMPLE_RATE = 48_000;

  @Test
  void playsFasterWithoutRaisingThePitch() throws Exception {
    short[] out = played(1.05, stereoTone(440, 2 * SAMPLE_RATE));

    double seconds = out.length / 2.0 / SAMPLE_RATE;
    // 2 s of input at 1.05× lasts 1.905 s; atempo holds back part of its last window.
    assertThat(seconds).isBetween(1.80, 1.91);
    assertThat(frequency(out)).isCloseTo(440.0, within(5.0));
  }

  @Test
  void slowsDownWithoutLoweringThePitch() throws Exception {
    short[] out = played(0.95, stereoTone(440, SAMPLE_RATE));

    assertThat(out.length / 2.0 / SAMPLE_RATE).isBetween(0.95, 1.06);
    assertThat(frequency(out)).isCloseTo(440.0, within(5.0));
  }

  /** Feeds the filter in 1024-sample chunks, as the decoder delivers AAC audio. */
  private static short[] played(double rate, short[] input) throws Exception {
    short[] out = new short[0];
    try (TempoFilter filter = new TempoFilter(rate, SAMPLE_RATE, 2)) {
      for (int offset = 0; offset < input.length; offset += 2048) {
        short[] piece = filter.process(Arrays.copyOfRange(input, offset, Math.min(input.length, offset + 2048)));
        short[] grown = Arrays.copyOf(out, out.length + piece.length);
        System.arraycopy(piece, 0, grown, out.length, piece.length);
        out = grown;
      }
    }
    return out;
  }

  private static short[] stereoTone(double hertz, int frames) {
    short[] samples = new short[frames * 2];
    for (int i = 0; i < frames; i++) {
      short value = (short) Math.round(12_000 * Math.sin(2 * Math.PI * hertz * i / SAMPLE_RATE));
      samples[2 * i] = value;
      samples[2 * i + 1] = value;
    }
    return samples;
  }

  /** Rising zero crossings of the left channel per second. */
  private static double frequency(short[] stereo) {
    int frames = stereo.length / 2;
    int crossings = 0;
    for (int i = 1; i < frames; i++) {
      if (stereo[2 * (i - 1)] < 0 && stereo[2 * i] >= 0) {
        crossings++;
      }
    }
    return crossings * (double) SAMPLE_RATE / frames;
  }
}
