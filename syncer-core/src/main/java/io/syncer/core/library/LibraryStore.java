package io.syncer.core.library;

import io.syncer.core.error.ConflictException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.error.StorageException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence of movies, their ratings and comments; the SPI behind {@link LibraryService}.
 *
 * <p>Implementations only store and query: validation and authorization happen in the service.
 * Deleting a movie deletes its files, tags, ratings and comments. Text is stored exactly as given
 * (including quotes, semicolons and other SQL metacharacters). Title search and ordering ignore
 * case by comparing {@code title.toLowerCase(Locale.ROOT)}. Every implementation passes the same
 * contract tests ({@code SyncerStoreContract}). Any method may throw {@link StorageException};
 * nothing is changed then.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use, and each method atomic.
 */
public interface LibraryStore {

  /**
   * Adds a movie with its files and tags.
   *
   * @throws ConflictException {@code duplicate_movie} when the owner's library already has a
   *     movie with the same info-hash
   */
  void insertMovie(MovieEntry movie);

  /** The movie with its owner's rating and the average of all ratings. */
  Optional<Movie> findMovie(UUID movieId);

  /** The uploaded .torrent file of a movie, if it was added from one. */
  Optional<byte[]> findTorrentFile(UUID movieId);

  /** @return false when there is no such movie */
  boolean updateMovie(UUID movieId, MovieEdit edit);

  /**
   * Gives a movie its .torrent file and what was read from it: the file list, the file to play and
   * the magnet link replace the old ones (a movie added by magnet link learns its files this way).
   *
   * @return false when there is no such movie
   */
  boolean attachTorrentFile(UUID movieId, byte[] torrentFile, MovieSource source,
      Integer fileIndex, Instant updatedAt);

  /** Deletes the movie with its files, tags, ratings and comments; false when there was none. */
  boolean deleteMovie(UUID movieId);

  /** One page of the owner's movies matching the query, in the query's order. */
  Page<Movie> searchMovies(UUID ownerId, MovieQuery query);

  /**
   * Sets (or replaces) a user's rating of a movie.
   *
   * @throws NotFoundException {@code movie_not_found} when the movie is gone
   */
  void putRating(UUID movieId, UUID accountId, int value, Instant ratedAt);

  /** The ratings of a movie as {@code accountId} sees them. */
  RatingSummary ratingSummary(UUID movieId, UUID accountId);

  /**
   * Adds a comment.
   *
   * @throws NotFoundException {@code movie_not_found} when the movie is gone
   */
  void insertComment(UUID commentId, UUID movieId, UUID authorId, String text, Instant createdAt);

  Optional<Comment> findComment(UUID commentId);

  /** @return false when there is no such comment */
  boolean updateComment(UUID commentId, String text, Instant editedAt);

  /** @return false when there was no such comment */
  boolean deleteComment(UUID commentId);

  /** One page of a movie's comments, oldest first. */
  Page<Comment> listComments(UUID movieId, int page, int size);
}
