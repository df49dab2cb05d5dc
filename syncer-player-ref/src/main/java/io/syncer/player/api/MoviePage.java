package io.syncer.player.api;

import java.util.List;

/**
 * One page of a library search.
 *
 * <p>Thread-safety: immutable.
 */
public record MoviePage(List<LibraryMovie> items, int page, int totalPages, long totalItems) {

  public MoviePage {
    items = List.copyOf(items);
  }
}
