package io.syncer.player.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop player remembers between runs, in {@code player.properties} of the user's
 * config directory ({@code $XDG_CONFIG_HOME/syncer}, else {@code ~/.config/syncer}): the server's
 * address, the user name and the refresh token that logs in again without the password. The file
 * is readable by its owner only; the token is a secret and never logged.
 *
 * <p>Thread-safety: safe for concurrent use (methods synchronize on the settings).
 */
final class DesktopSettings {

  private static final Logger log = LoggerFactory.getLogger(DesktopSettings.class);
  private static final String FILE_NAME = "player.properties";
  private static final String SERVER = "server";
  private static final String USERNAME = "username";
  private static final String REFRESH_TOKEN = "refreshToken";

  private final Path file;
  private final Properties values = new Properties();

  private DesktopSettings(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  /** The user's config directory for Syncer, from the environment. */
  static Path defaultDirectory(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("syncer");
  }

  /** Reads the settings in {@code directory}; unreadable or missing settings start empty. */
  static DesktopSettings load(Path directory) {
    DesktopSettings settings = new DesktopSettings(directory);
    if (Files.isRegularFile(settings.file)) {
      try (InputStream in = Files.newInputStream(settings.file)) {
        settings.values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        log.warn("cannot read {}; starting without remembered settings: {}", settings.file, e.toString());
        settings.values.clear();
      }
    }
    return settings;
  }

  synchronized String server() {
    return values.getProperty(SERVER, "");
  }

  synchronized String username() {
    return values.getProperty(USERNAME, "");
  }

  synchronized Optional<String> refreshToken() {
    return Optional.ofNullable(values.getProperty(REFRESH_TOKEN)).filter(t -> !t.isBlank());
  }

  /** Remembers a log-in: the server, the user and their refresh token. */
  synchronized void rememberLogin(String server, String username, String refreshToken) {
    values.setProperty(SERVER, server);
    values.setProperty(USERNAME, username);
    values.setProperty(REFRESH_TOKEN, refreshToken);
    save();
  }

  /** Forgets the refresh token (log-out, or it stopped working); server and user stay. */
  synchronized void forgetToken() {
    if (values.remove(REFRESH_TOKEN) != null) {
      save();
    }
  }

  /** Writes a private temporary file, then moves it over the old one, so a crash loses nothing. */
  private void save() {
    try {
      Path directory = file.getParent();
      Files.createDirectories(directory);
      Path partial = directory.resolve(FILE_NAME + ".tmp");
      Files.deleteIfExists(partial);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(partial);
      }
      try (OutputStream out = Files.newOutputStream(partial)) {
        values.store(out, "Syncer player: remembered log-in (keep private)");
      }
      try {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.warn("cannot save the settings to {}: {}", file, e.toString());
    }
  }
}
