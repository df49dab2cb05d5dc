package io.syncer.core.library;

/** Orders of a library listing; ties are broken by title, then by id. */
public enum MovieSort {
  /** By title ignoring case, A to Z. */
  TITLE,
  /** Most recently added first. */
  ADDED,
  /** Highest average rating first; unrated movies last. */
  RATING
}
