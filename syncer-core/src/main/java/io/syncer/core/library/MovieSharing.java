package io.syncer.core.library;

import java.util.UUID;

/**
 * Decides which users besides the owner may see and add comments and ratings on a movie (for
 * example the members of a room playing it). They never see or change the movie's details.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use.
 */
@FunctionalInterface
public interface MovieSharing {

  /** True when {@code userId}, who is not the owner, may comment on and rate {@code movie}. */
  boolean isSharedWith(Movie movie, UUID userId);

  /** Nothing is shared: only owners see their movies. */
  static MovieSharing none() {
    return (movie, userId) -> false;
  }
}
