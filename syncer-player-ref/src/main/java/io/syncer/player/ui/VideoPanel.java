package io.syncer.player.ui;

import io.syncer.player.media.VideoFrame;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.Optional;
import javax.swing.JComponent;

/**
 * Draws the current video frame scaled to the component, keeping its aspect ratio (black bars
 * fill the rest).
 *
 * <p>Thread-safety: {@link #show(VideoFrame)} and {@link #paintedFrame()} may be called from any
 * thread (the player's presentation thread hands frames in); everything else is Swing, on the
 * event dispatch thread.
 */
public final class VideoPanel extends JComponent {

  private static final long serialVersionUID = 1L;

  private transient volatile VideoFrame frame;
  private transient volatile VideoFrame painted;

  public VideoPanel() {
    setOpaque(true);
    setBackground(Color.BLACK);
    setPreferredSize(new Dimension(640, 360));
  }

  /** Shows {@code next} at the next repaint. */
  public void show(VideoFrame next) {
    frame = next;
    repaint();
  }

  /** The frame drawn by the last paint, if any. */
  public Optional<VideoFrame> paintedFrame() {
    return Optional.ofNullable(painted);
  }

  /** Where the current frame is drawn inside this component; empty before the first frame. */
  public Optional<Rectangle> videoBounds() {
    VideoFrame current = frame;
    return current == null
        ? Optional.empty()
        : Optional.of(fit(getWidth(), getHeight(), current.displayAspectRatio()));
  }

  /** The largest rectangle of {@code aspect} (width / height) centred in a {@code width×height} area. */
  static Rectangle fit(int width, int height, double aspect) {
    if (width <= 0 || height <= 0 || !(aspect > 0)) {
      return new Rectangle(0, 0, Math.max(width, 0), Math.max(height, 0));
    }
    int fittedWidth = width;
    int fittedHeight = (int) Math.round(width / aspect);
    if (fittedHeight > height) {
      fittedHeight = height;
      fittedWidth = (int) Math.round(height * aspect);
    }
    return new Rectangle((width - fittedWidth) / 2, (height - fittedHeight) / 2, fittedWidth, fittedHeight);
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setColor(getBackground());
      g.fillRect(0, 0, getWidth(), getHeight());
      VideoFrame current = frame;
      if (current != null) {
        Rectangle area = fit(getWidth(), getHeight(), current.displayAspectRatio());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(current.image(), area.x, area.y, area.width, area.height, null);
        painted = current;
      }
    } finally {
      g.dispose();
    }
  }
}
