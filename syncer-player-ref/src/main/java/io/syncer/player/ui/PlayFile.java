package io.syncer.player.ui;

import io.syncer.player.media.FfmpegPlayerBackend;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import javax.swing.SwingUtilities;

/**
 * Plays one file or http(s) link in a {@link PlayerWindow}: the media part of the reference
 * player on its own, for trying a file before watching it together.
 *
 * <p>Thread-safety: an entry point; not for concurrent use.
 */
public final class PlayFile {

  private PlayFile() {}

  public static void main(String[] args) {
    ResourceBundle text = ResourceBundle.getBundle("io.syncer.player.ui.messages", Locale.getDefault());
    if (args.length != 1 || args[0].isBlank()) {
      System.err.println(text.getString("usage"));
      System.exit(2);
    }
    if (GraphicsEnvironment.isHeadless()) {
      System.err.println("No display: set DISPLAY, or use the headless participant instead.");
      System.exit(2);
    }
    URI media = toUri(args[0]);
    FfmpegPlayerBackend backend = FfmpegPlayerBackend.builder().build();
    SwingUtilities.invokeLater(
        () -> {
          PlayerWindow.installLookAndFeel();
          PlayerWindow window = new PlayerWindow(backend);
          window.addWindowListener(
              new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                  backend.close();
                  System.exit(0);
                }
              });
          window.setLocationByPlatform(true);
          window.setVisible(true);
          backend.open(media);
          backend.play();
        });
  }

  /** http(s) links as they are; anything else is a file path. */
  private static URI toUri(String argument) {
    if (argument.startsWith("http://") || argument.startsWith("https://")) {
      try {
        return new URI(argument);
      } catch (URISyntaxException e) {
        System.err.println("Not a valid link: " + argument);
        System.exit(2);
      }
    }
    return Path.of(argument).toAbsolutePath().toUri();
  }
}
