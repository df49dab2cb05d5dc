package io.syncer.core.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A movie in its owner's library, as the owner sees it.
 *
 * @param id stable identifier
 * @param ownerId the library's owner
 * @param title shown title (1 to {@link LibraryLimits#MAX_TITLE_LENGTH} characters)
 * @param description free text, empty when there is none
 * @param year release year, or {@code null}
 * @param infoHash BitTorrent v1 info-hash, 40 lower-case hex digits; unique within a library
 * @param magnetUri magnet link with name and trackers
 * @param hasTorrentFile true when the movie was added from an uploaded .torrent file
 * @param files the torrent's files; empty when added by a magnet link without metadata
 * @param fileIndex index in {@code files} of the file to play, or {@code null} when files is empty
 * @param tags normalized tags (lower case), sorted
 * @param addedAt when it was added
 * @param updatedAt when its details last changed
 * @param ownerRating the owner's rating (1 to 10), or {@code null}
 * @param averageRating mean of all ratings (the owner's and those of users it is shared with), or
 *     {@code null} when nobody rated it
 * @param ratingCount how many users rated it
 *     <p>Thread-safety: immutable.
 */
public record Movie(
    UUID id,
    UUID ownerId,
    String title,
    String description,
    Integer year,
    String infoHash,
    String magnetUri,
    boolean hasTorrentFile,
    List<MovieFile> files,
    Integer fileIndex,
    List<String> tags,
    Instant addedAt,
    Instant updatedAt,
    Integer ownerRating,
    Double averageRating,
    int ratingCount) {

  public Movie {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(magnetUri, "magnetUri");
    files = List.copyOf(files);
    tags = List.copyOf(tags);
    Objects.requireNonNull(addedAt, "addedAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
