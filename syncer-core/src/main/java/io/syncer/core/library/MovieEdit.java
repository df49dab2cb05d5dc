package io.syncer.core.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The new values of a movie's editable fields, as {@link LibraryService} hands them to {@link
 * LibraryStore#updateMovie}; validated and normalized. The source (info-hash, magnet, files) never
 * changes.
 *
 * <p>Thread-safety: immutable.
 */
public record MovieEdit(
    String title,
    String description,
    Integer year,
    List<String> tags,
    Integer fileIndex,
    Instant updatedAt) {

  public MovieEdit {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    tags = List.copyOf(tags);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
