package io.syncer.torrent.testing;

import bt.torrent.maker.TorrentBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated test video (MP4 with its moov index at the END, as ffmpeg writes it without
 * faststart) and a .torrent for it, made once per build under target/test-media.
 */
public final class TestMedia {
  public static final int PIECE_LENGTH = 64 * 1024;
  public static final double DURATION_SECONDS = 12;
  private static TestMedia instance;

  public final Path directory;
  public final Path video;
  public final byte[] videoBytes;
  public final byte[] torrent;

  private TestMedia(Path directory) throws IOException, InterruptedException {
    this.directory = directory;
    this.video = directory.resolve("clip.mp4");
    if (!Files.exists(video)) {
      Path partial = directory.resolve("partial.mp4");
      ExternalTools.run(directory, "ffmpeg", "-y", "-hide_banner", "-loglevel", "error",
          "-f", "lavfi", "-i", "testsrc=duration=" + (int) DURATION_SECONDS + ":size=640x360:rate=25",
          "-f", "lavfi", "-i", "sine=frequency=440:duration=" + (int) DURATION_SECONDS,
          "-vf", "noise=alls=12:allf=t", "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "2M",
          "-c:a", "aac", "-shortest", partial.getFileName().toString());
      Files.move(partial, video);
    }
    this.videoBytes = Files.readAllBytes(video);
    this.torrent =
        new TorrentBuilder().rootPath(directory).addFile(video).pieceSize(PIECE_LENGTH).build();
  }

  public static synchronized TestMedia get() throws IOException, InterruptedException {
    ExternalTools.requireFfmpegAndLibtorrent();
    if (instance == null) {
      Path directory = Path.of("target", "test-media").toAbsolutePath();
      Files.createDirectories(directory);
      instance = new TestMedia(directory);
    }
    return instance;
  }

  /** Position of the MP4 moov box: at the end of the file for this clip. */
  public long moovPosition() {
    for (int i = videoBytes.length - 8; i >= 0; i--) {
      if (videoBytes[i + 4] == 'm' && videoBytes[i + 5] == 'o' && videoBytes[i + 6] == 'o'
          && videoBytes[i + 7] == 'v') {
        return i;
      }
    }
    return -1;
  }
}
