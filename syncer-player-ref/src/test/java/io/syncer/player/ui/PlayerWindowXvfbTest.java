package io.syncer.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.testing.CounterVideos;
import io.syncer.player.testing.CounterVideos.Format;
import io.syncer.player.testing.ExternalTools;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The player window on a virtual X display: plays the counter video, seeks, and the screenshot
 * shows the frame the seek asked for. Saves target/screenshots/player-after-seek.png.
 */
class PlayerWindowXvfbTest {

  /** Frame 187 (7.48 s) is mid-GOP, so the decoder must decode forward from a keyframe. */
  private static final long SEEK_TARGET_US = 7_500_000L;

  @Test
  void screenshotAfterASeekShowsTheRequestedFrame() throws Exception {
    Path xvfb = ExternalTools.require("Xvfb");
    Path video = CounterVideos.get(Format.MP4_H264_AAC);
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    Path screenshot = screenshots.resolve("player-after-seek.png").toAbsolutePath();
    Path log = screenshots.resolve("player-after-seek.log");
    Files.deleteIfExists(screenshot);

    Process display = new ProcessBuilder(xvfb.toString(), "-displayfd", "1", "-screen", "0", "1024x768x24", "-nolisten", "tcp")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Process scenario = null;
    try {
      String displayNumber = firstLine(display.getInputStream());
      assertThat(displayNumber).as("Xvfb display number").matches("\\d+");

      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Djava.awt.headless=false");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(WindowScreenshotScenario.class.getName());
      command.add(video.toString());
      command.add(Long.toString(SEEK_TARGET_US));
      command.add(screenshot.toString());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("DISPLAY", ":" + displayNumber);
      scenario = builder.start();

      assertThat(scenario.waitFor(90, TimeUnit.SECONDS)).as("the window scenario finished").isTrue();
      assertThat(scenario.exitValue()).as("window scenario failed; its log:%n%s", Files.readString(log)).isZero();
    } finally {
      if (scenario != null) {
        scenario.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      display.destroy();
      if (!display.waitFor(10, TimeUnit.SECONDS)) {
        display.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }

    BufferedImage picture = ImageIO.read(screenshot.toFile());
    Properties where = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(screenshot + ".properties"))) {
      where.load(in);
    }
    Rectangle videoArea = new Rectangle(
        Integer.parseInt(where.getProperty("x")), Integer.parseInt(where.getProperty("y")),
        Integer.parseInt(where.getProperty("width")), Integer.parseInt(where.getProperty("height")));
    assertThat(videoArea.width).as("video drawn larger than its 320x240").isGreaterThan(CounterVideos.WIDTH);
    assertThat((double) videoArea.width / videoArea.height).isCloseTo(4.0 / 3.0, org.assertj.core.api.Assertions.within(0.02));
    assertThat(CounterVideos.frameNumber(picture, videoArea))
        .as("frame number read off the screenshot")
        .isEqualTo(CounterVideos.frameAt(SEEK_TARGET_US));
  }

  private static String firstLine(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    String line = reader.readLine();
    return line == null ? "" : line.trim();
  }
}
