package io.syncer.player.desktop;

import io.syncer.player.ui.PlayerWindow;
import io.syncer.protocol.message.RoomCodes;
import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Runs in a child JVM on an Xvfb display: starts the desktop player, logs in through the form,
 * checks the library, creates a room for the counter movie, waits for a second member, seeks
 * through the room, screenshots, plays, hands control over, and leaves. Prints {@code ROOM <code>}
 * for {@link DesktopAppXvfbTest}, which plays the second member.
 *
 * <p>Arguments: SERVER USER PASSWORD CONFIG_DIR DOWNLOAD_DIR SCREENSHOT_DIR SEEK_US. Exit code 0
 * when every step worked.
 */
public final class DesktopScenario {

  private static final long STEP_SECONDS = 60;

  private DesktopScenario() {}

  public static void main(String[] args) throws Exception {
    String server = args[0];
    String user = args[1];
    String password = args[2];
    Path screenshots = Path.of(args[5]);
    long seekUs = Long.parseLong(args[6]);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread app = new Thread(() -> exit.set(DesktopApp.run("--config-dir", args[3], "--download-dir", args[4],
        "--peer-address", "127.0.0.1", "--no-dht", "--language", "en")), "desktop-app");
    app.start();
    Robot robot = new Robot();

    // Log in through the form.
    type(find("login.server", JTextComponent.class, c -> true), server);
    type(find("login.username", JTextComponent.class, c -> true), user);
    type(find("login.password", JTextComponent.class, c -> true), password);
    click(find("login.logIn", AbstractButton.class, AbstractButton::isEnabled));

    // The library lists the movies added beforehand, with tags and rating.
    JTable library = find("library.table", JTable.class, t -> t.getRowCount() == 2);
    int counterRow = onEdt(() -> {
      for (int row = 0; row < library.getRowCount(); row++) {
        if ("Counter".equals(library.getValueAt(row, 0))) {
          return row;
        }
      }
      throw new IllegalStateException("no Counter movie in the library");
    });
    check("test, video".equals(onEdt(() -> library.getValueAt(counterRow, 1))), "tags shown");
    check(String.valueOf(onEdt(() -> library.getValueAt(counterRow, 2))).startsWith("8.0"), "rating shown");
    onEdt(() -> {
      library.setRowSelectionInterval(counterRow, counterRow);
      return null;
    });
    find("details.comments", JTextComponent.class, c -> c.getText().contains("Nice counter"));
    capture(robot, SwingUtilities.getWindowAncestor(library), screenshots.resolve("desktop-library.png"));

    // Watch together: a room with the movie, its code shown.
    click(find("library.createRoom", AbstractButton.class, AbstractButton::isEnabled));
    JLabel code = find("room.code", JLabel.class, l -> RoomCodes.isValid(l.getText()));
    System.out.println("ROOM " + onEdt(code::getText));
    System.out.flush();
    JTable members = find("room.members", JTable.class, t -> t.getRowCount() == 2);
    PlayerWindow window = (PlayerWindow) SwingUtilities.getWindowAncestor(members);
    await(() -> window.videoPanel().paintedFrame().isPresent(), "the movie's first frame");

    // The owner seeks through the seek bar: the room moves, and the player shows that frame.
    JSlider seekBar = find("player.seek", JSlider.class, s -> s.isEnabled() && s.getMaximum() > seekUs / 1000);
    onEdt(() -> {
      seekBar.setValue((int) (seekUs / 1000));
      return null;
    });
    await(() -> window.videoPanel().paintedFrame()
        .map(f -> f.ptsUs() <= seekUs && seekUs < f.ptsUs() + f.durationUs()).orElse(false),
        "the frame at " + seekUs + " µs painted");
    find("room.members", JTable.class, t -> t.getRowCount() == 2 && "ready".equals(t.getValueAt(1, 1))
        && "ready".equals(t.getValueAt(0, 1)));
    robot.waitForIdle();
    TimeUnit.MILLISECONDS.sleep(300);
    captureVideo(robot, window, screenshots.resolve("desktop-room-after-seek.png"));

    // Play for everyone: the picture moves on.
    click(find("player.playPause", AbstractButton.class, AbstractButton::isEnabled));
    await(() -> window.videoPanel().paintedFrame().map(f -> f.ptsUs() > seekUs + 500_000).orElse(false),
        "playback moving past the seek target");
    capture(robot, window, screenshots.resolve("desktop-room-playing.png"));

    // Hand control to the other member: our controls turn off and say who has them.
    onEdt(() -> {
      for (int row = 0; row < members.getRowCount(); row++) {
        if (!String.valueOf(members.getValueAt(row, 0)).contains("(you)")) {
          members.setRowSelectionInterval(row, row);
        }
      }
      return null;
    });
    click(find("room.makeOwner", AbstractButton.class, AbstractButton::isEnabled));
    JSlider disabled = find("player.seek", JSlider.class, s -> !s.isEnabled());
    String tooltip = onEdt(disabled::getToolTipText);
    check(tooltip != null && tooltip.contains("bob"), "the disabled controls say who owns the room: " + tooltip);

    // Leave the room and close the library: the app ends.
    click(find("room.leave", AbstractButton.class, AbstractButton::isEnabled));
    await(() -> !window.isDisplayable(), "the room window closed");
    onEdt(() -> {
      SwingUtilities.getWindowAncestor(library).dispose();
      return null;
    });
    app.join(TimeUnit.SECONDS.toMillis(STEP_SECONDS));
    check(exit.get() == 0, "the app ended with " + exit.get());
    System.exit(0);
  }

  private static <T extends Component> T find(String name, Class<T> type, Predicate<T> ready) throws Exception {
    AtomicReference<T> found = new AtomicReference<>();
    await(() -> {
      Optional<T> component = onEdt(() -> search(name, type).filter(c -> c.isShowing() && ready.test(c)));
      component.ifPresent(found::set);
      return component.isPresent();
    }, "component " + name);
    return found.get();
  }

  private static <T extends Component> Optional<T> search(String name, Class<T> type) {
    for (Window window : Window.getWindows()) {
      Optional<T> found = search(window, name, type);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static <T extends Component> Optional<T> search(Component component, String name, Class<T> type) {
    if (name.equals(component.getName()) && type.isInstance(component)) {
      return Optional.of(type.cast(component));
    }
    if (component instanceof Container container) {
      for (Component child : container.getComponents()) {
        Optional<T> found = search(child, name, type);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static void type(JTextComponent field, String text) throws Exception {
    onEdt(() -> {
      field.setText(text);
      return null;
    });
  }

  private static void click(AbstractButton button) throws Exception {
    onEdt(() -> {
      button.doClick();
      return null;
    });
  }

  private static void capture(Robot robot, Window window, Path file) throws Exception {
    robot.waitForIdle();
    Rectangle bounds = onEdt(() -> new Rectangle(window.getLocationOnScreen(), window.getSize()));
    BufferedImage picture = robot.createScreenCapture(bounds);
    Files.createDirectories(file.getParent());
    ImageIO.write(picture, "png", file.toFile());
  }

  /** A screenshot of the room window, and where the video is in it (for reading the frame number). */
  private static void captureVideo(Robot robot, PlayerWindow window, Path file) throws Exception {
    capture(robot, window, file);
    Rectangle area = onEdt(() -> {
      Rectangle inPanel = window.videoPanel().videoBounds().orElseThrow();
      Point panel = window.videoPanel().getLocationOnScreen();
      Point origin = window.getLocationOnScreen();
      return new Rectangle(panel.x + inPanel.x - origin.x, panel.y + inPanel.y - origin.y, inPanel.width, inPanel.height);
    });
    Properties where = new Properties();
    where.setProperty("x", Integer.toString(area.x));
    where.setProperty("y", Integer.toString(area.y));
    where.setProperty("width", Integer.toString(area.width));
    where.setProperty("height", Integer.toString(area.height));
    try (OutputStream out = Files.newOutputStream(Path.of(file + ".properties"))) {
      where.store(out, "video area in the screenshot");
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
    while (!condition.holds()) {
      check(System.nanoTime() < deadline, "not within " + STEP_SECONDS + " s: " + what);
      TimeUnit.MILLISECONDS.sleep(50);
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
