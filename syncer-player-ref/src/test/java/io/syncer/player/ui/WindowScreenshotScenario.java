package io.syncer.player.ui;

import io.syncer.player.media.FfmpegPlayerBackend;
import io.syncer.player.media.PlaybackState;
import io.syncer.player.media.PlayerEvent;
import io.syncer.player.testing.EventRecorder;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * Runs in a child JVM on an Xvfb display (AWT reads DISPLAY once, at start-up): opens the player
 * window, plays the counter video, uses the keyboard, seeks, and saves a screenshot of the window
 * with the video's place in it for {@link PlayerWindowXvfbTest} to read.
 *
 * <p>Arguments: VIDEO SEEK_TARGET_US SCREENSHOT.png. Exit code 0 when every step worked.
 */
public final class WindowScreenshotScenario {

  private WindowScreenshotScenario() {}

  public static void main(String[] args) throws Exception {
    Path video = Path.of(args[0]);
    long seekTargetUs = Long.parseLong(args[1]);
    Path screenshot = Path.of(args[2]);
    EventRecorder events = new EventRecorder();
    // Not silent: on a machine without a sound card this exercises the fallback.
    FfmpegPlayerBackend backend = FfmpegPlayerBackend.builder().build();
    backend.addListener(events);
    PlayerWindow window = onEdt(() -> {
      PlayerWindow.installLookAndFeel();
      PlayerWindow w = new PlayerWindow(backend);
      // At the origin: without a window manager a window placed elsewhere may still be moving
      // when captured, and AWT's idea of its position lags.
      w.setBounds(0, 0, 800, 560);
      w.setVisible(true);
      w.toFront();
      return w;
    });
    try {
      Robot robot = new Robot();
      robot.setAutoDelay(20);
      backend.open(video);
      events.next(PlayerEvent.Opened.class);
      robot.waitForIdle();

      // Space plays through the window's shortcut.
      press(robot, KeyEvent.VK_SPACE);
      events.next(PlayerEvent.Playing.class);
      TimeUnit.MILLISECONDS.sleep(800);
      check(backend.positionUs() > 300_000L, "playing moved the clock: " + backend.positionUs());

      // Disabled controls (a non-owner in a room) ignore the shortcuts.
      onEdt(() -> {
        window.setControlsEnabled(false, "Only the room's owner controls playback");
        return null;
      });
      press(robot, KeyEvent.VK_SPACE);
      TimeUnit.MILLISECONDS.sleep(300);
      check(backend.state() == PlaybackState.PLAYING, "space with disabled controls kept playing: " + backend.state());
      onEdt(() -> {
        window.setControlsEnabled(true, null);
        return null;
      });

      press(robot, KeyEvent.VK_SPACE);
      events.next(PlayerEvent.Paused.class);
      backend.seek(seekTargetUs, true);
      long shownPts = events.next(PlayerEvent.Seeked.class).positionUs();
      check(shownPts == seekTargetUs, "seeked to " + shownPts);
      awaitPainted(window, seekTargetUs);
      robot.waitForIdle();
      TimeUnit.MILLISECONDS.sleep(200);

      // Where the window really is: without a window manager X may place it elsewhere than asked.
      Rectangle windowOnScreen = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
      Rectangle videoArea = onEdt(() -> {
        Rectangle inPanel = window.videoPanel().videoBounds().orElseThrow();
        Point panelOnScreen = window.videoPanel().getLocationOnScreen();
        return new Rectangle(
            panelOnScreen.x + inPanel.x - windowOnScreen.x, panelOnScreen.y + inPanel.y - windowOnScreen.y,
            inPanel.width, inPanel.height);
      });
      BufferedImage capture = robot.createScreenCapture(windowOnScreen);
      Files.createDirectories(screenshot.getParent());
      ImageIO.write(capture, "png", screenshot.toFile());
      Properties where = new Properties();
      where.setProperty("x", Integer.toString(videoArea.x));
      where.setProperty("y", Integer.toString(videoArea.y));
      where.setProperty("width", Integer.toString(videoArea.width));
      where.setProperty("height", Integer.toString(videoArea.height));
      where.setProperty("paintedPtsUs", Long.toString(window.videoPanel().paintedFrame().orElseThrow().ptsUs()));
      try (OutputStream out = Files.newOutputStream(Path.of(screenshot + ".properties"))) {
        where.store(out, "video area in the screenshot");
      }
    } finally {
      onEdt(() -> {
        window.dispose();
        return null;
      });
      backend.close();
    }
    System.exit(0);
  }

  private static void press(Robot robot, int key) {
    robot.keyPress(key);
    robot.keyRelease(key);
    robot.waitForIdle();
  }

  private static void awaitPainted(PlayerWindow window, long targetUs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      boolean shown = window.videoPanel().paintedFrame()
          .map(f -> f.ptsUs() <= targetUs && targetUs < f.ptsUs() + f.durationUs())
          .orElse(false);
      if (shown) {
        return;
      }
      check(System.nanoTime() < deadline, "the frame at " + targetUs + " µs was never painted");
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException(failure);
    }
  }

  private static <T> T onEdt(Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        result.set(work.call());
      } catch (Exception e) {
        failure.set(e);
      }
    });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }

}
