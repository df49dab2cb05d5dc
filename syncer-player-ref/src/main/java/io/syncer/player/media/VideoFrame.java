package io.syncer.player.media;

import java.awt.image.BufferedImage;

/**
 * One decoded picture, copied out of the decoder's reused buffers.
 *
 * <p>Thread-safety: the record is immutable; the image is never written after it is handed out,
 * and readers must not write to it either.
 *
 * @param ptsUs presentation time in microseconds from the start of the media
 * @param durationUs how long the frame stays on screen
 * @param image the picture (BGR, {@link BufferedImage#TYPE_3BYTE_BGR})
 * @param pixelAspectRatio width of a pixel relative to its height, to draw it undistorted
 */
public record VideoFrame(long ptsUs, long durationUs, BufferedImage image, double pixelAspectRatio) {

  /** The width the picture should be shown at, relative to its height. */
  public double displayAspectRatio() {
    return image.getWidth() * pixelAspectRatio / image.getHeight();
  }
}
