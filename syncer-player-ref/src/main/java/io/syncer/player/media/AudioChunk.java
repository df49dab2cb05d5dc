package io.syncer.player.media;

import java.util.Arrays;

/**
 * Decoded audio: 16-bit interleaved samples starting at {@code ptsUs}, tagged with the seek epoch
 * they were decoded for.
 *
 * <p>Thread-safety: immutable once queued (the array is never written after construction).
 */
record AudioChunk(int epoch, long ptsUs, short[] samples, int channels, int sampleRate) {

  long durationUs() {
    return frames() * 1_000_000L / sampleRate;
  }

  long endUs() {
    return ptsUs + durationUs();
  }

  int frames() {
    return samples.length / channels;
  }

  /** The samples from {@code mediaUs} on (all of them when the chunk starts later). */
  short[] samplesFrom(long mediaUs) {
    if (mediaUs <= ptsUs) {
      return samples;
    }
    long skipFrames = Math.min(frames(), (mediaUs - ptsUs) * sampleRate / 1_000_000L);
    return Arrays.copyOfRange(samples, (int) skipFrames * channels, samples.length);
  }
}
