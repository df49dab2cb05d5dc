package io.syncer.player.desktop;

import com.formdev.flatlaf.FlatDarkLaf;
import io.syncer.player.api.ApiException;
import io.syncer.player.api.LibraryMovie;
import io.syncer.player.api.SyncerApi;
import io.syncer.player.api.Tokens;
import io.syncer.player.media.FfmpegPlayerBackend;
import io.syncer.player.room.RoomPlayer;
import io.syncer.protocol.time.MicroClock;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar syncer-player.jar}: the desktop player. Log in (or create an account) on a
 * Syncer server, keep a movie library, create a room for a movie or join a friend's by its code,
 * and watch in sync while the movie streams from its torrent.
 *
 * <p>The server address, user name and a refresh token are remembered in the user's config
 * directory ({@link DesktopSettings}), so the next start logs in without the password.
 *
 * <p>Threads: Swing's, {@code syncer-desktop-work} (server calls) and, while a room is open, the
 * room's (see {@link RoomScreen}).
 *
 * <p>Thread-safety: an entry point; one instance per process.
 */
@Command(
    name = "syncer-player.jar",
    mixinStandardHelpOptions = true,
    version = "syncer-player 0.1.0",
    sortOptions = false,
    description = {"Watch movies together: the Syncer desktop player.",
        "Other modes: --headless (a participant without window), --compare-traces."})
public final class DesktopApp implements Callable<Integer> {

  private static final Logger log = LoggerFactory.getLogger(DesktopApp.class);

  @Option(names = "--server", paramLabel = "ADDRESS",
      description = "Server to offer on the log-in form, e.g. 192.168.1.20:8470 (default: the last one used).")
  String server;

  @Option(names = "--config-dir", paramLabel = "DIR",
      description = "Where the log-in is remembered (default: $XDG_CONFIG_HOME/syncer or ~/.config/syncer).")
  Path configDirectory;

  @Option(names = "--download-dir", paramLabel = "DIR",
      description = "Where movies are downloaded (default: ~/.local/share/syncer/downloads).")
  Path downloadDirectory;

  @Option(names = "--peer-address", paramLabel = "IP", defaultValue = "0.0.0.0",
      description = "Address friends' players connect to for the movie's pieces (default: all interfaces).")
  String peerAddress;

  @Option(names = "--no-dht", description = "Find peers only through the room and the torrent's trackers.")
  boolean noDht;

  @Option(names = "--language", paramLabel = "en|ru", description = "Language of the window (default: the system's).")
  String language;

  private Texts texts;
  private DesktopSettings settings;
  private Background background;
  private RoomPlayer.Options roomOptions;
  private final CountDownLatch finished = new CountDownLatch(1);
  // Confined to the event thread.
  private LibraryWindow library;
  private RoomScreen room;
  private boolean opening;
  private boolean loginOpen;

  /** Runs the desktop player until its windows are closed; returns the exit code. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new DesktopApp())
        .setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
      log.error("the desktop player failed", e);
      cl.getErr().println("syncer-player: " + e.getMessage());
      return CommandLine.ExitCode.SOFTWARE;
    });
    return commandLine.execute(args);
  }

  @Override
  public Integer call() throws Exception {
    if (GraphicsEnvironment.isHeadless()) {
      System.err.println("syncer-player: no display. Set DISPLAY, or run a participant without window"
          + " with --headless (see --headless --help).");
      return 2;
    }
    Locale locale = language == null ? Locale.getDefault() : Locale.forLanguageTag(language);
    if (language != null) {
      Locale.setDefault(locale);
    }
    texts = new Texts(locale);
    settings = DesktopSettings.load(configDirectory != null
        ? configDirectory : DesktopSettings.defaultDirectory(System.getenv()));
    roomOptions = new RoomPlayer.Options(
        downloadDirectory != null ? downloadDirectory : defaultDownloads(),
        parseAddress(peerAddress), !noDht, MicroClock.system(), false);
    background = new Background();
    // Unpacking FFmpeg's natives takes seconds on the first run: do it while the user logs in.
    Thread natives = new Thread(FfmpegPlayerBackend::loadNatives, "syncer-load-ffmpeg");
    natives.setDaemon(true);
    natives.start();
    SwingUtilities.invokeLater(this::start);
    finished.await();
    background.close();
    return 0;
  }

  private static Path defaultDownloads() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isBlank()
        ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
    return base.resolve("syncer").resolve("downloads");
  }

  private static InetAddress parseAddress(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new CommandLine.ParameterException(new CommandLine(new DesktopApp()),
          "--peer-address: not an address of this machine: " + text);
    }
  }

  // ---- on the event thread ----

  private void start() {
    FlatDarkLaf.setup();
    String rememberedServer = server != null ? server : settings.server();
    Optional<String> token = settings.refreshToken();
    if (token.isPresent() && !rememberedServer.isBlank() && server == null) {
      background.run(() -> {
        SyncerApi api = SyncerApi.forServer(rememberedServer);
        return new Login(api, api.resume(token.get()));
      }, login -> showLibrary(login.api(), login.tokens()), failure -> {
        if (failure instanceof ApiException api && api.status() == 401) {
          settings.forgetToken();
        }
        showLogin(texts.problem(failure, rememberedServer));
      });
    } else {
      showLogin(null);
    }
  }

  private record Login(SyncerApi api, Tokens tokens) {}

  private void showLogin(String message) {
    String rememberedServer = server != null ? server : settings.server();
    LoginWindow[] login = new LoginWindow[1];
    login[0] = new LoginWindow(texts, background, rememberedServer, settings.username(), (api, tokens) -> {
      showLibrary(api, tokens);
      login[0].dispose();
    });
    loginOpen = true;
    login[0].addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        loginOpen = false;
        finishIfNothingOpen();
      }
    });
    if (message != null) {
      login[0].showMessage(message);
    }
    login[0].setVisible(true);
  }

  /** The app ends when its last window is gone. */
  private void finishIfNothingOpen() {
    if (library == null && room == null && !loginOpen && !opening) {
      finished.countDown();
    }
  }

  private void showLibrary(SyncerApi api, Tokens tokens) {
    String address = api.server().getHost() + ":" + api.server().getPort();
    settings.rememberLogin(address, tokens.account().username(), tokens.refreshToken());
    api.onTokens(fresh -> settings.rememberLogin(address, fresh.account().username(), fresh.refreshToken()));
    library = new LibraryWindow(texts, background, api, tokens.account().username(), new LibraryWindow.Actions() {
      @Override
      public void watchTogether(LibraryMovie movie) {
        openRoom(api, Optional.of(movie), Optional.empty());
      }

      @Override
      public void joinRoom(String code) {
        openRoom(api, Optional.empty(), Optional.of(code));
      }

      @Override
      public void logOut() {
        settings.forgetToken();
        LibraryWindow closing = library;
        library = null;
        if (room != null) {
          room.close();
        }
        closing.dispose();
        background.run(() -> {
          api.logOut();
          return null;
        }, done -> { }, failure -> log.info("logging out on the server failed: {}", failure.toString()));
        showLogin(null);
      }
    });
    library.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        if (library == e.getWindow()) {
          library = null;
          if (room != null) {
            room.close();
          }
          finishIfNothingOpen();
        }
      }
    });
    library.setVisible(true);
  }

  private void openRoom(SyncerApi api, Optional<LibraryMovie> movie, Optional<String> code) {
    if (room != null) {
      room.toFront();
      return;
    }
    if (opening) {
      return;
    }
    opening = true;
    background.run(
        () -> RoomScreen.open(texts, api, roomOptions, movie, code, this::roomClosed),
        screen -> {
          opening = false;
          room = screen;
          screen.show();
        },
        failure -> {
          opening = false;
          log.warn("cannot open the room: {}", failure.toString());
          showError(library, texts, failure instanceof java.io.IOException io && io.getMessage() != null
              ? texts.format("error.playerStart", io.getMessage())
              : texts.problem(failure, api.server()));
        });
  }

  private void roomClosed() {
    room = null;
    finishIfNothingOpen();
  }

  /** Shows {@code message} in a dialog over {@code parent} (or centred when null). */
  static void showError(Component parent, Texts texts, String message) {
    JOptionPane.showMessageDialog(parent, message, texts.get("error.title"), JOptionPane.WARNING_MESSAGE);
  }
}
