package io.syncer.torrent.internal;

import java.util.Locale;
import java.util.Map;

/** MIME types of the media containers players open, by file extension. */
public final class MediaTypes {
  public static final String OCTET_STREAM = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("mp4", "video/mp4"),
          Map.entry("m4v", "video/mp4"),
          Map.entry("mkv", "video/x-matroska"),
          Map.entry("webm", "video/webm"),
          Map.entry("avi", "video/x-msvideo"),
          Map.entry("mov", "video/quicktime"),
          Map.entry("ts", "video/mp2t"),
          Map.entry("m2ts", "video/mp2t"),
          Map.entry("mts", "video/mp2t"),
          Map.entry("mpg", "video/mpeg"),
          Map.entry("mpeg", "video/mpeg"),
          Map.entry("ogv", "video/ogg"),
          Map.entry("flv", "video/x-flv"),
          Map.entry("wmv", "video/x-ms-wmv"),
          Map.entry("3gp", "video/3gpp"),
          Map.entry("mp3", "audio/mpeg"),
          Map.entry("m4a", "audio/mp4"),
          Map.entry("flac", "audio/flac"),
          Map.entry("ogg", "audio/ogg"),
          Map.entry("opus", "audio/ogg"),
          Map.entry("wav", "audio/wav"),
          Map.entry("srt", "application/x-subrip"),
          Map.entry("vtt", "text/vtt"));

  private MediaTypes() {}

  /** The MIME type for {@code fileName}'s extension, or {@link #OCTET_STREAM}. */
  public static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1) {
      return OCTET_STREAM;
    }
    return BY_EXTENSION.getOrDefault(
        fileName.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
  }

  public static boolean isVideo(String fileName) {
    return contentType(fileName).startsWith("video/");
  }
}
