package io.syncer.player.ui;

import io.syncer.player.media.FfmpegPlayerBackend;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
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
    Optional<URI> parsed = toUri(args[0]);
    if (parsed.isEmpty()) {
      System.err.println("Not a file name or http(s) link: " + args[0]);
      System.exit(2);
    }
    URI media = parsed.get();
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

  /** http(s) links as they are; anything else is a file path; empty when it is neither. */
  private static Optional<URI> toUri(String argument) {
    try {
      if (argument.startsWith("http://") || argument.startsWith("https://")) {
        return Optional.of(new URI(argument));
      }
      return Optional.of(Path.of(argument).toAbsolutePath().toUri());
    } catch (URISyntaxException | InvalidPathException e) {
      return Optional.empty();
    }
  }
}
