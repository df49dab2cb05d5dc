package io.syncer.core.library;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A new movie as {@link LibraryService} hands it to {@link LibraryStore#insertMovie}; the fields
 * mean what they mean in {@link Movie}, already validated and normalized.
 *
 * @param torrentFile the uploaded .torrent file, or {@code null} when added by magnet link; the
 *     record keeps and returns copies
 *     <p>Thread-safety: immutable.
 */
public record MovieEntry(
    UUID id,
    UUID ownerId,
    String title,
    String description,
    Integer year,
    String infoHash,
    String magnetUri,
    byte[] torrentFile,
    List<MovieFile> files,
    Integer fileIndex,
    List<String> tags,
    Instant addedAt) {

  public MovieEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(infoHash, "infoHash");
    Objects.requireNonNull(magnetUri, "magnetUri");
    torrentFile = torrentFile == null ? null : torrentFile.clone();
    files = List.copyOf(files);
    tags = List.copyOf(tags);
    Objects.requireNonNull(addedAt, "addedAt");
  }

  @Override
  public byte[] torrentFile() {
    return torrentFile == null ? null : torrentFile.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MovieEntry other
        && id.equals(other.id) && ownerId.equals(other.ownerId) && title.equals(other.title)
        && description.equals(other.description) && Objects.equals(year, other.year)
        && infoHash.equals(other.infoHash) && magnetUri.equals(other.magnetUri)
        && Arrays.equals(torrentFile, other.torrentFile) && files.equals(other.files)
        && Objects.equals(fileIndex, other.fileIndex) && tags.equals(other.tags)
        && addedAt.equals(other.addedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, ownerId, title, description, year, infoHash, magnetUri,
        Arrays.hashCode(torrentFile), files, fileIndex, tags, addedAt);
  }

  @Override
  public String toString() {
    return "MovieEntry[id=" + id + ", ownerId=" + ownerId + ", title=" + title + ", infoHash="
        + infoHash + ", files=" + files.size() + ", torrentFile="
        + (torrentFile == null ? "none" : torrentFile.length + " bytes") + "]";
  }
}
