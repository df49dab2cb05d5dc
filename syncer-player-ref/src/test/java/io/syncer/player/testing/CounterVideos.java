package io.syncer.player.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test videos made with the ffmpeg CLI: 10 s, 25 fps, 320x240, each frame carrying its own number
 * as 16 black/white blocks across the top 40 rows (bit i = block i, least significant first), over
 * FFmpeg's {@code testsrc} pattern (which shows the seconds as digits for people looking at
 * screenshots), with a 440 Hz tone.
 */
public final class CounterVideos {

  public static final int WIDTH = 320;
  public static final int HEIGHT = 240;
  public static final int FPS = 25;
  public static final int SECONDS = 10;
  public static final long FRAME_US = 1_000_000L / FPS;
  private static final int BITS = 16;
  private static final int BLOCK = WIDTH / BITS;
  private static final int BAND = 40;

  /** Containers and codecs Debian's ffmpeg can encode, covering what the player must decode. */
  public enum Format {
    MP4_H264_AAC("mp4", List.of("-c:v", "libx264", "-preset", "veryfast", "-g", "50", "-c:a", "aac")),
    WEBM_VP9_OPUS(
        "webm",
        List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "800k",
            "-g", "50", "-c:a", "libopus")),
    MKV_H265_AC3(
        "mkv",
        List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error:keyint=50",
            "-c:a", "ac3")),
    MKV_AV1_MP3("mkv", List.of("-c:v", "libsvtav1", "-preset", "12", "-g", "50", "-c:a", "libmp3lame"));

    private final String extension;
    private final List<String> codecArguments;

    Format(String extension, List<String> codecArguments) {
      this.extension = extension;
      this.codecArguments = codecArguments;
    }
  }

  private CounterVideos() {}

  /** The video in {@code format}, generated into target/test-videos on first use. */
  public static synchronized Path get(Format format) throws IOException, InterruptedException {
    Path ffmpeg = ExternalTools.require("ffmpeg");
    Path dir = Path.of("target", "test-videos");
    Files.createDirectories(dir);
    Path video = dir.resolve("counter-" + format.name().toLowerCase() + "." + format.extension).toAbsolutePath();
    if (Files.isRegularFile(video)) {
      return video;
    }
    Path partial = dir.resolve("partial-" + video.getFileName());
    String bits = "mod(floor(N/pow(2,floor(X/" + BLOCK + "))),2)";
    String picture =
        "testsrc=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS + ":duration=" + SECONDS
            + ",format=yuv420p"
            + ",geq=lum='if(lt(Y," + BAND + "),if(" + bits + ",235,16),lum(X,Y))'"
            + ":cb='if(lt(Y," + BAND + "*SH),128,cb(X,Y))':cr='if(lt(Y," + BAND + "*SH),128,cr(X,Y))'";
    List<String> command = new ArrayList<>(List.of(
        ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", picture,
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + SECONDS));
    command.addAll(format.codecArguments);
    if (format == Format.MP4_H264_AAC) {
      // Index first, as a streaming server would serve it.
      command.addAll(List.of("-movflags", "+faststart"));
    }
    command.addAll(List.of("-ac", "2", "-pix_fmt", "yuv420p", "-shortest", "-f",
        "mkv".equals(format.extension) ? "matroska" : format.extension, partial.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
    assertThat(process.exitValue()).as("ffmpeg failed: %s", output).isZero();
    Files.move(partial, video, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return video;
  }

  /** The frame number a picture of the whole video carries. */
  public static int frameNumber(BufferedImage picture) {
    return frameNumber(picture, new Rectangle(0, 0, picture.getWidth(), picture.getHeight()));
  }

  /** The frame number carried by the video drawn (scaled) into {@code area} of {@code picture}. */
  public static int frameNumber(BufferedImage picture, Rectangle area) {
    int number = 0;
    int y = area.y + (int) Math.round((BAND / 2.0) * area.height / HEIGHT);
    for (int bit = 0; bit < BITS; bit++) {
      int x = area.x + (int) Math.round((bit * BLOCK + BLOCK / 2.0) * area.width / WIDTH);
      int rgb = picture.getRGB(x, y);
      int luma = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
      if (luma > 128) {
        number |= 1 << bit;
      }
    }
    return number;
  }

  /** The number of the frame on screen at {@code positionUs}. */
  public static int frameAt(long positionUs) {
    return (int) (positionUs / FRAME_US);
  }
}
