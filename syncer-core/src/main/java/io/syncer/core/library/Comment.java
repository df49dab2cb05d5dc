package io.syncer.core.library;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment on a movie. Only its author may edit or delete it.
 *
 * @param editedAt when the text last changed, or {@code null} if never
 *     <p>Thread-safety: immutable.
 */
public record Comment(
    UUID id,
    UUID movieId,
    UUID authorId,
    String authorName,
    String text,
    Instant createdAt,
    Instant editedAt) {

  public Comment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(movieId, "movieId");
    Objects.requireNonNull(authorId, "authorId");
    Objects.requireNonNull(authorName, "authorName");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
