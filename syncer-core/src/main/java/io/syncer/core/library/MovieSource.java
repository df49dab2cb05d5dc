package io.syncer.core.library;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link TorrentInspector} learned from a magnet link or a .torrent file.
 *
 * <p>The constructor enforces the limits below and throws {@link InvalidTorrentException} when
 * they are exceeded, so an inspector may build one straight from what it parsed.
 *
 * @param infoHash the BitTorrent v1 info-hash, 40 lower-case hex digits
 * @param displayName the torrent's name ({@code dn} of a magnet, {@code name} of a .torrent), or
 *     {@code null} when the magnet has none
 * @param trackers announce URLs, in the torrent's order
 * @param files the files with their sizes; empty for a magnet link (no metadata yet)
 * @param magnetUri a magnet link with the info-hash, name and trackers, from which a peer can
 *     stream the movie
 *     <p>Thread-safety: immutable.
 */
public record MovieSource(
    String infoHash, String displayName, List<String> trackers, List<MovieFile> files,
    String magnetUri) {

  public static final int MAX_FILES = 10_000;
  public static final int MAX_TRACKERS = 50;
  public static final int MAX_TRACKER_LENGTH = 512;
  public static final int MAX_DISPLAY_NAME_LENGTH = 1024;
  /** Room for the other limits even when every character is percent-encoded. */
  public static final int MAX_MAGNET_LENGTH = 131_072;

  private static final Pattern INFO_HASH = Pattern.compile("[0-9a-f]{40}");

  public MovieSource {
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(magnetUri, "magnetUri");
    if (!INFO_HASH.matcher(infoHash).matches()) {
      throw new InvalidTorrentException("the info-hash must be 40 lower-case hex digits");
    }
    if (displayName != null && displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
      throw new InvalidTorrentException(
          "the torrent's name is longer than " + MAX_DISPLAY_NAME_LENGTH + " characters");
    }
    trackers = List.copyOf(trackers);
    if (trackers.size() > MAX_TRACKERS) {
      throw new InvalidTorrentException("the torrent lists more than " + MAX_TRACKERS + " trackers");
    }
    if (trackers.stream().anyMatch(t -> t.isEmpty() || t.length() > MAX_TRACKER_LENGTH)) {
      throw new InvalidTorrentException(
          "a tracker URL is empty or longer than " + MAX_TRACKER_LENGTH + " characters");
    }
    files = List.copyOf(files);
    if (files.size() > MAX_FILES) {
      throw new InvalidTorrentException("the torrent has more than " + MAX_FILES + " files");
    }
    if (!magnetUri.startsWith("magnet:?") || magnetUri.length() > MAX_MAGNET_LENGTH) {
      throw new InvalidTorrentException("the magnet link is malformed or too long");
    }
  }

  /** True when the file list is known (a .torrent file, or a magnet whose metadata was fetched). */
  public boolean hasMetadata() {
    return !files.isEmpty();
  }
}
