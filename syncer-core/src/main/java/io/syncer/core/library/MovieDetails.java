package io.syncer.core.library;

import java.util.List;

/**
 * Optional details given when a movie is added; {@code null} fields take defaults (the title
 * defaults to the torrent's name, the description to empty, no year, no tags).
 *
 * <p>Thread-safety: immutable.
 */
public record MovieDetails(String title, String description, Integer year, List<String> tags) {

  public MovieDetails {
    tags = tags == null ? null : List.copyOf(tags);
  }

  /** No details: every field takes its default. */
  public static MovieDetails none() {
    return new MovieDetails(null, null, null, null);
  }
}
