package io.syncer.player.media;

/**
 * What an opened media holds, as probed from its container.
 *
 * <p>Thread-safety: immutable.
 *
 * @param durationUs length in microseconds, or -1 when the container does not say (live streams)
 * @param format container name as FFmpeg calls it (for example {@code mov,mp4,m4a,3gp,3g2,mj2})
 * @param videoCodec video codec name, empty when there is no video
 * @param width picture width in pixels, 0 without video
 * @param height picture height in pixels, 0 without video
 * @param pixelAspectRatio width of a pixel relative to its height (1.0 for square pixels)
 * @param frameRate frames per second, 0 when unknown or without video
 * @param audioCodec audio codec name, empty when there is no audio
 * @param sampleRate audio samples per second, 0 without audio
 */
public record MediaInfo(
    long durationUs,
    String format,
    String videoCodec,
    int width,
    int height,
    double pixelAspectRatio,
    double frameRate,
    String audioCodec,
    int sampleRate) {

  public boolean hasVideo() {
    return width > 0 && height > 0;
  }

  public boolean hasAudio() {
    return sampleRate > 0;
  }

  /** Microseconds one video frame stays on screen; 40 ms (25 fps) when the rate is unknown. */
  public long frameDurationUs() {
    return frameRate > 0 ? Math.round(1_000_000.0 / frameRate) : 40_000L;
  }
}
