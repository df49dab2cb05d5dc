package io.syncer.player.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.jakarta.JakartaClient;
import io.syncer.core.jakarta.JakartaOptions;
import io.syncer.core.session.ParticipantSession;
import io.syncer.core.session.SimulatedPlayer;
import io.syncer.player.api.LibraryMovie;
import io.syncer.player.api.SyncerApi;
import io.syncer.player.testing.Await;
import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.ExternalTools;
import io.syncer.player.testing.TestSyncerServer;
import io.syncer.player.testing.TestTorrents;
import io.syncer.protocol.time.MicroClock;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Session;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop player on a virtual X display against the reference server in this JVM: log in,
 * the library, a room for a movie with a second member, a seek through the room whose frame the
 * screenshot shows, playback, and handing control over. Screenshots go to target/screenshots.
 */
class DesktopAppXvfbTest {

  private static final String PASSWORD = "correct horse battery";
  /** Frame 163 (6.52 s) is mid-GOP: the seek must decode forward from a keyframe. */
  private static final long SEEK_US = 6_520_000L;

  @TempDir Path temp;

  @Test
  void logsInShowsTheLibraryAndWatchesAMovieInARoom() throws Exception {
    Path xvfb = ExternalTools.require("Xvfb");
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    byte[] torrent = TestTorrents.torrentOf(video);
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots")).toAbsolutePath();
    Path log = screenshots.resolve("desktop-app.log");
    Path downloads = temp.resolve("downloads");
    // The owner already has the movie: the room plays without any other seeder.
    TestTorrents.placeForSeeding(video, torrent, downloads);

    try (TestSyncerServer server = new TestSyncerServer(temp.resolve("server"))) {
      String address = server.httpUri().getHost() + ":" + server.httpUri().getPort();
      SyncerApi alice = SyncerApi.forServer(address);
      alice.register("alice", PASSWORD);
      LibraryMovie counter = alice.addTorrentFile(torrent);
      alice.edit(counter.id(), "Counter", "Frames numbered in black and white blocks", List.of("video", "test"));
      alice.rate(counter.id(), 8);
      alice.addComment(counter.id(), "Nice counter");
      alice.addMagnet("magnet:?xt=urn:btih:c9e15763f722f23e98a29decdfae341b98d53056&dn=Heat");
      SyncerApi bob = SyncerApi.forServer(address);
      String bobsToken = bob.register("bob", PASSWORD).accessToken();

      Process display = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      Process app = null;
      ParticipantSession bobsSession = null;
      Session bobsConnection = null;
      try {
        String displayNumber = firstLine(display.getInputStream());
        assertThat(displayNumber).as("Xvfb display number").matches("\\d+");
        List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=false",
            "-cp", System.getProperty("java.class.path"), DesktopScenario.class.getName(),
            address, "alice", PASSWORD, temp.resolve("config").toString(), downloads.toString(),
            screenshots.toString(), Long.toString(SEEK_US)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", ":" + displayNumber);
        app = builder.start();
        CompletableFuture<String> roomCode = new CompletableFuture<>();
        Thread reader = copyOutput(app.getInputStream(), log, roomCode);

        // Bob joins the room the app created, with a simulated player.
        String code = roomCode.get(120, TimeUnit.SECONDS);
        ParticipantSession session = ParticipantSession.builder(new SimulatedPlayer(MicroClock.system(), 30_000))
            .name("bob").token(bobsToken).build();
        bobsSession = session;
        bobsConnection = JakartaClient.connect(ContainerProvider.getWebSocketContainer(), server.webSocketUri(),
            session, JakartaOptions.defaults());
        Await.until(Duration.ofSeconds(20), () -> session.snapshot().connected(), () -> "bob not welcomed");
        session.joinRoom(code);

        assertThat(app.waitFor(150, TimeUnit.SECONDS)).as("the desktop scenario finished").isTrue();
        reader.join(5_000);
        assertThat(app.exitValue()).as("desktop scenario failed; its log:%n%s", Files.readString(log)).isZero();
        assertThat(session.snapshot().media()).hasValueSatisfying(m -> assertThat(m.title()).isEqualTo("Counter"));
        assertThat(session.snapshot().isOwner()).as("alice handed control to bob").isTrue();
      } finally {
        if (bobsSession != null) {
          bobsSession.close();
        }
        if (bobsConnection != null && bobsConnection.isOpen()) {
          bobsConnection.close();
        }
        if (app != null) {
          app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        display.destroy();
        if (!display.waitFor(10, TimeUnit.SECONDS)) {
          display.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }

    Path afterSeek = screenshots.resolve("desktop-room-after-seek.png");
    BufferedImage picture = ImageIO.read(afterSeek.toFile());
    Properties where = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(afterSeek + ".properties"))) {
      where.load(in);
    }
    Rectangle videoArea = new Rectangle(
        Integer.parseInt(where.getProperty("x")), Integer.parseInt(where.getProperty("y")),
        Integer.parseInt(where.getProperty("width")), Integer.parseInt(where.getProperty("height")));
    assertThat(CounterVideos.frameNumber(picture, videoArea))
        .as("frame number read off the room's screenshot after the owner's seek")
        .isEqualTo(CounterVideos.frameAt(SEEK_US));
    assertThat(screenshots.resolve("desktop-library.png")).isRegularFile();
    assertThat(screenshots.resolve("desktop-room-playing.png")).isRegularFile();
  }

  /** Copies the app's output to {@code log}, completing {@code roomCode} from its ROOM line. */
  private static Thread copyOutput(InputStream output, Path log, CompletableFuture<String> roomCode) {
    Thread thread = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
          var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          out.write(line);
          out.newLine();
          out.flush();
          if (line.startsWith("ROOM ")) {
            roomCode.complete(line.substring(5).trim());
          }
        }
      } catch (java.io.IOException e) {
        roomCode.completeExceptionally(e);
      }
      roomCode.completeExceptionally(new IllegalStateException("the app ended without a room; see " + log));
    }, "desktop-app-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static String firstLine(InputStream in) throws java.io.IOException {
    String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
    return line == null ? "" : line.trim();
  }
}
