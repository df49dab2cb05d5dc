package io.syncer.core.library;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items on this page, at most {@code size}
 * @param page zero-based page number
 * @param size requested page size
 * @param totalItems how many items all pages hold together
 *     <p>Thread-safety: immutable if the items are.
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

  public Page {
    items = List.copyOf(items);
  }

  /** How many pages there are at this page size. */
  public long totalPages() {
    return (totalItems + size - 1) / size;
  }
}
