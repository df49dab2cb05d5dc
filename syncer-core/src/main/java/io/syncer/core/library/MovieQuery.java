package io.syncer.core.library;

import io.syncer.core.error.InvalidInputException;
import io.syncer.core.internal.TextRules;
import java.util.Objects;

/**
 * A search in one library.
 *
 * @param text matches movies whose title contains it, ignoring case; {@code null} or blank matches
 *     all. Wildcards have no special meaning ({@code %} finds a literal percent sign).
 * @param tag matches movies with this tag (normalized like stored tags); {@code null} for any
 * @param sort the order
 * @param page zero-based page number
 * @param size items per page, 1 to {@link LibraryLimits#MAX_PAGE_SIZE}
 *     <p>Thread-safety: immutable.
 */
public record MovieQuery(String text, String tag, MovieSort sort, int page, int size) {

  public static final int DEFAULT_PAGE_SIZE = 20;

  /**
   * Normalizes text (stripped, blank becomes {@code null}) and tag.
   *
   * @throws InvalidInputException {@code invalid_search}, {@code invalid_tag} or {@code
   *     invalid_page}
   */
  public MovieQuery {
    if (text != null) {
      text = text.isBlank()
          ? null
          : TextRules.singleLine("search", text, LibraryLimits.MAX_SEARCH_LENGTH);
    }
    if (tag != null) {
      tag = tag.isBlank() ? null : LibraryRules.tag(tag);
    }
    Objects.requireNonNull(sort, "sort");
    if (page < 0 || size < 1 || size > LibraryLimits.MAX_PAGE_SIZE) {
      throw new InvalidInputException("invalid_page",
          "page must be 0 or more and size 1 to " + LibraryLimits.MAX_PAGE_SIZE);
    }
  }

  /** The whole library, most recently added first, first page. */
  public static MovieQuery all() {
    return new MovieQuery(null, null, MovieSort.ADDED, 0, DEFAULT_PAGE_SIZE);
  }
}
