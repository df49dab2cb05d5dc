package io.syncer.core.library;

import io.syncer.core.internal.TextRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Validation and normalization of movie details, and the default file to play. */
final class LibraryRules {

  private static final Set<String> VIDEO_EXTENSIONS = Set.of(
      "mkv", "mp4", "m4v", "avi", "mov", "webm", "wmv", "flv", "mpg", "mpeg", "ts", "m2ts",
      "ogv", "3gp", "vob");

  private LibraryRules() {}

  static String title(String title) {
    return TextRules.singleLine("title", title, LibraryLimits.MAX_TITLE_LENGTH);
  }

  static String description(String description) {
    return TextRules.multiLine("description", description, LibraryLimits.MAX_DESCRIPTION_LENGTH);
  }

  static Integer year(Integer year) {
    if (year != null && (year < LibraryLimits.MIN_YEAR || year > LibraryLimits.MAX_YEAR)) {
      throw TextRules.invalid("year",
          "year must be " + LibraryLimits.MIN_YEAR + " to " + LibraryLimits.MAX_YEAR);
    }
    return year;
  }

  /** Lower case, runs of white space collapsed to one space. */
  static String tag(String tag) {
    String checked = TextRules.singleLine("tag", tag, LibraryLimits.MAX_TAG_LENGTH);
    return checked.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  /** Normalized, without duplicates, sorted. */
  static List<String> tags(List<String> tags) {
    TreeSet<String> normalized = new TreeSet<>();
    for (String tag : tags) {
      normalized.add(tag(tag));
    }
    if (normalized.size() > LibraryLimits.MAX_TAGS) {
      throw TextRules.invalid("tags", "a movie has at most " + LibraryLimits.MAX_TAGS + " tags");
    }
    return List.copyOf(normalized);
  }

  static String comment(String text) {
    String checked = TextRules.multiLine("comment", text, LibraryLimits.MAX_COMMENT_LENGTH);
    if (checked.isEmpty()) {
      throw TextRules.invalid("comment", "comment must not be blank");
    }
    return checked;
  }

  static Integer fileIndex(int index, List<MovieFile> files) {
    if (index < 0 || index >= files.size()) {
      throw TextRules.invalid("file_index", files.isEmpty()
          ? "the file list of this movie is not known yet, so no file can be chosen"
          : "fileIndex must be 0 to " + (files.size() - 1));
    }
    return index;
  }

  /** The largest video file, or the largest file when none looks like video; null when none. */
  static Integer defaultFileIndex(List<MovieFile> files) {
    Integer best = null;
    boolean bestIsVideo = false;
    for (int i = 0; i < files.size(); i++) {
      MovieFile file = files.get(i);
      boolean video = isVideo(file.path());
      if (best == null
          || (video && !bestIsVideo)
          || (video == bestIsVideo && file.length() > files.get(best).length())) {
        best = i;
        bestIsVideo = video;
      }
    }
    return best;
  }

  /**
   * The title a movie gets when none is given: the torrent's name made fit for a title (control
   * characters replaced, shortened), else the info-hash.
   */
  static String defaultTitle(MovieSource source) {
    String name = source.displayName() == null ? "" : source.displayName();
    StringBuilder clean = new StringBuilder();
    name.codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .map(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? '\uFFFD' : c)
        .forEach(clean::appendCodePoint);
    String title = clean.toString().strip();
    if (title.isEmpty()) {
      return source.infoHash();
    }
    if (title.length() > LibraryLimits.MAX_TITLE_LENGTH) {
      int end = LibraryLimits.MAX_TITLE_LENGTH;
      if (Character.isHighSurrogate(title.charAt(end - 1))) {
        end--;
      }
      title = title.substring(0, end).strip();
    }
    return title;
  }

  /**
   * The magnet link as printable ASCII (other characters percent-encoded as UTF-8) of at most
   * {@code maxLength} characters: trailing parameters (extra trackers, peers) are dropped until it
   * fits, and if even the first one is too long only the info-hash is left.
   */
  static String roomMagnet(String magnetUri, String infoHash, int maxLength) {
    String ascii = asciiOnly(magnetUri);
    while (ascii.length() > maxLength && ascii.lastIndexOf('&') > 0) {
      ascii = ascii.substring(0, ascii.lastIndexOf('&'));
    }
    return ascii.length() <= maxLength ? ascii : "magnet:?xt=urn:btih:" + infoHash;
  }

  private static String asciiOnly(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      if (b > 0x20 && b < 0x7f) {
        out.append((char) b);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static boolean isVideo(String path) {
    int dot = path.lastIndexOf('.');
    return dot >= 0 && VIDEO_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
