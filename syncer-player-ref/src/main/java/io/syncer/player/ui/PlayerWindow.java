package io.syncer.player.ui;

import com.formdev.flatlaf.FlatDarkLaf;
import io.syncer.player.media.MediaInfo;
import io.syncer.player.media.PlayerBackend;
import io.syncer.player.media.PlayerEvent;
import io.syncer.player.media.PlayerListener;
import java.awt.BorderLayout;
import java.awt.GraphicsDevice;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;

/**
 * A plain player window: the video, play/pause, a seek bar with the time, volume and full screen,
 * with keyboard shortcuts (space, ←/→ 5 s, ↑/↓ volume, F full screen, Esc leaves it).
 *
 * <p>Playback controls can be disabled with a reason shown as their tooltip: in a room only the
 * owner steers playback; volume and full screen stay personal. In a room the controls go to the
 * room ({@link #setControls}) rather than straight to the backend, so everyone follows them.
 *
 * <p>Thread-safety: a Swing component; create and call it on the event dispatch thread. It
 * listens to the backend on the backend's threads and hops to the event dispatch thread itself.
 */
public final class PlayerWindow extends JFrame {

  private static final long serialVersionUID = 1L;
  private static final long ARROW_STEP_US = TimeUnit.SECONDS.toMicros(5);
  private static final double VOLUME_STEP = 0.1;

  private final transient PlayerBackend backend;
  private transient Controls controls;
  private final transient ResourceBundle text = ResourceBundle.getBundle("io.syncer.player.ui.messages", Locale.getDefault());
  private final transient PlayerListener listener = event -> SwingUtilities.invokeLater(() -> onEvent(event));
  private final VideoPanel video = new VideoPanel();
  private final JButton playPause = new JButton();
  private final JSlider seekBar = new JSlider(0, 0, 0);
  private final JLabel time = new JLabel(formatTime(0) + " / " + formatTime(0));
  private final JSlider volume = new JSlider(0, 100, 100);
  private final JButton fullScreen = new JButton();
  private final JLabel status = new JLabel(" ");
  private final Timer positionTimer = new Timer(200, e -> showPosition());
  private final JPanel south = new JPanel(new BorderLayout());
  private boolean playing;
  private boolean controlsEnabled = true;
  private boolean movingSeekBar;

  public PlayerWindow(PlayerBackend backend) {
    super("Syncer");
    this.backend = backend;
    this.controls = backendControls(backend);
    setTitle(text.getString("title"));
    setDefaultCloseOperation(DISPOSE_ON_CLOSE);
    add(video, BorderLayout.CENTER);
    south.add(controls(), BorderLayout.CENTER);
    add(south, BorderLayout.SOUTH);
    bindKeys();
    backend.setVideoSink(video::show);
    backend.addListener(listener);
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosed(WindowEvent e) {
            positionTimer.stop();
            backend.removeListener(listener);
          }
        });
    showPlaying(false);
    positionTimer.start();
    pack();
  }

  /** Installs the FlatLaf dark look; call once before creating windows. */
  public static void installLookAndFeel() {
    FlatDarkLaf.setup();
  }

  public VideoPanel videoPanel() {
    return video;
  }

  /** Where play, pause and seeks go: the backend itself (the default) or a room. */
  public interface Controls {
    void play();

    void pause();

    void seek(long positionUs);
  }

  /** Sends play, pause and seeks (buttons, seek bar and shortcuts) to {@code target}. */
  public void setControls(Controls target) {
    this.controls = java.util.Objects.requireNonNull(target, "target");
  }

  /** Shows {@code bar} under the controls, replacing an earlier one. */
  public void setStatusBar(JComponent bar) {
    java.awt.Component old = ((BorderLayout) south.getLayout()).getLayoutComponent(BorderLayout.SOUTH);
    if (old != null) {
      south.remove(old);
    }
    south.add(bar, BorderLayout.SOUTH);
    south.revalidate();
  }

  private static Controls backendControls(PlayerBackend backend) {
    return new Controls() {
      @Override
      public void play() {
        backend.play();
      }

      @Override
      public void pause() {
        backend.pause();
      }

      @Override
      public void seek(long positionUs) {
        backend.seek(positionUs, true);
      }
    };
  }

  /**
   * Enables or disables play/pause, seeking and their shortcuts; {@code reason} becomes the
   * disabled controls' tooltip (for example "Only the room's owner controls playback").
   */
  public void setControlsEnabled(boolean enabled, String reason) {
    controlsEnabled = enabled;
    String tooltip = enabled ? null : reason;
    for (JComponent control : new JComponent[] {playPause, seekBar}) {
      control.setEnabled(enabled);
      control.setToolTipText(tooltip);
    }
  }

  public boolean controlsEnabled() {
    return controlsEnabled;
  }

  private JPanel controls() {
    playPause.setName("player.playPause");
    seekBar.setName("player.seek");
    playPause.addActionListener(e -> togglePlay());
    playPause.setFocusable(false);
    seekBar.setFocusable(false);
    seekBar.setToolTipText(null);
    seekBar.addChangeListener(
        e -> {
          if (!movingSeekBar && !seekBar.getValueIsAdjusting() && controlsEnabled) {
            controls.seek(TimeUnit.MILLISECONDS.toMicros(seekBar.getValue()));
          }
        });
    volume.setFocusable(false);
    volume.setToolTipText(text.getString("volume"));
    volume.setMaximumSize(volume.getPreferredSize());
    volume.addChangeListener(e -> backend.setVolume(volume.getValue() / 100.0));
    fullScreen.setText(text.getString("fullscreen"));
    fullScreen.setFocusable(false);
    fullScreen.addActionListener(e -> toggleFullScreen());

    JPanel row = new JPanel();
    row.setLayout(new BoxLayout(row, BoxLayout.X_AXIS));
    row.add(playPause);
    row.add(Box.createHorizontalStrut(8));
    row.add(seekBar);
    row.add(Box.createHorizontalStrut(8));
    row.add(time);
    row.add(Box.createHorizontalStrut(12));
    row.add(new JLabel(text.getString("volume")));
    row.add(volume);
    row.add(Box.createHorizontalStrut(8));
    row.add(fullScreen);

    JPanel panel = new JPanel(new BorderLayout());
    panel.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
    panel.add(row, BorderLayout.CENTER);
    status.setToolTipText(text.getString("shortcuts"));
    panel.add(status, BorderLayout.SOUTH);
    return panel;
  }

  private void bindKeys() {
    bind(KeyEvent.VK_SPACE, "toggle-play", this::togglePlay);
    bind(KeyEvent.VK_LEFT, "back", () -> seekBy(-ARROW_STEP_US));
    bind(KeyEvent.VK_RIGHT, "forward", () -> seekBy(ARROW_STEP_US));
    bind(KeyEvent.VK_UP, "louder", () -> changeVolume(VOLUME_STEP));
    bind(KeyEvent.VK_DOWN, "quieter", () -> changeVolume(-VOLUME_STEP));
    bind(KeyEvent.VK_F, "full-screen", this::toggleFullScreen);
    bind(KeyEvent.VK_ESCAPE, "leave-full-screen", () -> {
      if (isFullScreen()) {
        toggleFullScreen();
      }
    });
  }

  private void bind(int key, String name, Runnable action) {
    getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(key, 0), name);
    getRootPane().getActionMap().put(name, new AbstractAction() {
      private static final long serialVersionUID = 1L;

      @Override
      public void actionPerformed(ActionEvent e) {
        action.run();
      }
    });
  }

  private void togglePlay() {
    if (!controlsEnabled) {
      return;
    }
    if (playing) {
      controls.pause();
    } else {
      controls.play();
    }
  }

  private void seekBy(long deltaUs) {
    if (!controlsEnabled) {
      return;
    }
    long duration = backend.durationUs();
    long target = Math.max(0L, backend.positionUs() + deltaUs);
    controls.seek(duration > 0 ? Math.min(target, duration) : target);
  }

  private void changeVolume(double delta) {
    volume.setValue((int) Math.round(Math.max(0.0, Math.min(1.0, backend.volume() + delta)) * 100));
  }

  private boolean isFullScreen() {
    return getGraphicsConfiguration().getDevice().getFullScreenWindow() == this;
  }

  private void toggleFullScreen() {
    GraphicsDevice device = getGraphicsConfiguration().getDevice();
    if (isFullScreen()) {
      device.setFullScreenWindow(null);
    } else if (device.isFullScreenSupported()) {
      device.setFullScreenWindow(this);
    } else {
      setExtendedState(getExtendedState() ^ MAXIMIZED_BOTH);
    }
  }

  private void onEvent(PlayerEvent event) {
    if (event instanceof PlayerEvent.Opened opened) {
      showOpened(opened.info());
    } else if (event instanceof PlayerEvent.Playing) {
      showPlaying(true);
      status.setText(" ");
    } else if (event instanceof PlayerEvent.Paused) {
      showPlaying(false);
    } else if (event instanceof PlayerEvent.Buffering) {
      status.setText(text.getString("buffering"));
    } else if (event instanceof PlayerEvent.Seeked) {
      showPosition();
    } else if (event instanceof PlayerEvent.Ended) {
      showPlaying(false);
      status.setText(text.getString("ended"));
    } else if (event instanceof PlayerEvent.Failed failed) {
      showFailure(failed.message());
    }
  }

  private void showOpened(MediaInfo info) {
    movingSeekBar = true;
    seekBar.setMaximum(info.durationUs() > 0 ? (int) TimeUnit.MICROSECONDS.toMillis(info.durationUs()) : 0);
    movingSeekBar = false;
    status.setText(" ");
    showPosition();
  }

  private void showPlaying(boolean nowPlaying) {
    playing = nowPlaying;
    playPause.setText(text.getString(nowPlaying ? "pause" : "play"));
  }

  private void showPosition() {
    long position = backend.positionUs();
    long duration = Math.max(backend.durationUs(), 0L);
    time.setText(formatTime(position) + " / " + formatTime(duration));
    if (!seekBar.getValueIsAdjusting()) {
      movingSeekBar = true;
      seekBar.setValue((int) TimeUnit.MICROSECONDS.toMillis(position));
      movingSeekBar = false;
    }
  }

  private void showFailure(String message) {
    showPlaying(false);
    status.setText(message);
    JOptionPane pane = new JOptionPane(message, JOptionPane.WARNING_MESSAGE);
    JDialog dialog = pane.createDialog(this, text.getString("error.title"));
    dialog.setModal(false);
    dialog.setVisible(true);
  }

  static String formatTime(long micros) {
    long seconds = TimeUnit.MICROSECONDS.toSeconds(Math.max(micros, 0L));
    long hours = seconds / 3600;
    return hours > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
