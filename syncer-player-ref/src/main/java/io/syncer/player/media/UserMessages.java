package io.syncer.player.media;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Error texts for people: what went wrong and what they can do, never a stack trace. */
final class UserMessages {

  private UserMessages() {}

  static String unsupportedLocation(URI media) {
    return "Only local files and http(s) links can be played, not \"" + media.getScheme() + ":\" links.";
  }

  static String openFailed(URI media, Throwable cause) {
    if (cause instanceof LinkageError) {
      return "The video engine (FFmpeg) could not be loaded on this computer.";
    }
    if ("file".equals(media.getScheme())) {
      Path file = Path.of(media);
      if (!Files.isRegularFile(file)) {
        return "The file \"" + file + "\" does not exist.";
      }
      return "\"" + file.getFileName() + "\" could not be opened: it is not a video this player can read.";
    }
    return "The video at " + media + " could not be opened: the stream is not reachable or not a video this player can read.";
  }

  static String playbackFailed() {
    return "Playback stopped: the video could not be read any further (the connection was lost or the file is damaged).";
  }
}
