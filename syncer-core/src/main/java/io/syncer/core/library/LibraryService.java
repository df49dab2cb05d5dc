package io.syncer.core.library;

import io.syncer.core.error.AccessDeniedException;
import io.syncer.core.error.ConflictException;
import io.syncer.core.error.InvalidInputException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.error.StorageException;
import io.syncer.core.internal.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each user's movie library: add movies by magnet link or .torrent file, edit their details, tag,
 * rate, comment, search, and derive what a room needs to play one.
 *
 * <p>Authorization: a library is private to its owner. Another user asking for a movie gets
 * {@code movie_not_found}, exactly as if it did not exist, so ids reveal nothing. Users a movie is
 * shared with (see {@link MovieSharing}) may read and add comments and ratings, never the details.
 * Only a comment's author may edit or delete it ({@code not_comment_author}).
 *
 * <p>Duplicates: adding a torrent whose info-hash is already in the same library is refused with
 * {@link ConflictException} {@code duplicate_movie}; the existing entry is unchanged. Different
 * users may each have the same torrent.
 *
 * <p>Every method throws {@link InvalidInputException} for input outside {@link LibraryLimits}, and
 * may throw {@link StorageException}. Text is stored exactly as given, after stripping leading and
 * trailing white space.
 *
 * <p>Thread-safety: safe for concurrent use; state lives in the {@link LibraryStore}.
 */
public final class LibraryService {

  private static final Logger LOG = LoggerFactory.getLogger(LibraryService.class);

  private final LibraryStore store;
  private final TorrentInspector inspector;
  private final MovieSharing sharing;
  private final Clock clock;

  /**
   * @param store where movies are kept
   * @param inspector parses magnet links and .torrent files
   * @param sharing who besides owners may comment and rate; {@link MovieSharing#none()} for nobody
   * @param clock wall clock for timestamps
   */
  public LibraryService(
      LibraryStore store, TorrentInspector inspector, MovieSharing sharing, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.inspector = Objects.requireNonNull(inspector, "inspector");
    this.sharing = Objects.requireNonNull(sharing, "sharing");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Adds a movie from a magnet link. Its file list stays empty (the server never downloads
   * metadata), so no file is chosen.
   *
   * @throws InvalidTorrentException when the link is not a usable magnet link
   * @throws ConflictException {@code duplicate_movie}
   */
  public Movie addMagnet(UUID ownerId, String magnetUri, MovieDetails details) {
    if (magnetUri == null || magnetUri.length() > LibraryLimits.MAX_MAGNET_LENGTH) {
      throw new InvalidTorrentException(
          "a magnet link of at most " + LibraryLimits.MAX_MAGNET_LENGTH + " characters is required");
    }
    return add(ownerId, inspector.inspectMagnet(magnetUri), null, details);
  }

  /**
   * Adds a movie from an uploaded .torrent file, which is kept; the largest video file is chosen
   * to play.
   *
   * @throws InvalidTorrentException when the file is empty, too large or not a valid torrent
   * @throws ConflictException {@code duplicate_movie}
   */
  public Movie addTorrentFile(UUID ownerId, byte[] torrentFile, MovieDetails details) {
    if (torrentFile == null || torrentFile.length == 0
        || torrentFile.length > LibraryLimits.MAX_TORRENT_FILE_BYTES) {
      throw new InvalidTorrentException("a .torrent file of 1 to "
          + LibraryLimits.MAX_TORRENT_FILE_BYTES + " bytes is required");
    }
    return add(ownerId, inspector.inspectTorrentFile(torrentFile), torrentFile, details);
  }

  private Movie add(UUID ownerId, MovieSource source, byte[] torrentFile, MovieDetails details) {
    Objects.requireNonNull(ownerId, "ownerId");
    MovieDetails given = details == null ? MovieDetails.none() : details;
    MovieEntry entry = new MovieEntry(
        UUID.randomUUID(),
        ownerId,
        LibraryRules.title(given.title() == null ? LibraryRules.defaultTitle(source) : given.title()),
        given.description() == null ? "" : LibraryRules.description(given.description()),
        LibraryRules.year(given.year()),
        source.infoHash(),
        source.magnetUri(),
        torrentFile,
        source.files(),
        LibraryRules.defaultFileIndex(source.files()),
        given.tags() == null ? List.of() : LibraryRules.tags(given.tags()),
        now());
    store.insertMovie(entry);
    LOG.info("user {} added movie {} (info-hash {})", ownerId, entry.id(), entry.infoHash());
    return store.findMovie(entry.id()).orElseThrow(() -> movieNotFound());
  }

  /**
   * Attaches the .torrent file of a movie already in the caller's library, typically one added by
   * magnet link whose metadata a player has since fetched from peers: the file list becomes known
   * and the largest video file is chosen to play. Details, ratings and comments stay.
   *
   * @throws InvalidTorrentException when the file is not a valid torrent, or is the torrent of
   *     another info-hash
   */
  public Movie attachTorrentFile(UUID ownerId, UUID movieId, byte[] torrentFile) {
    Movie movie = owned(ownerId, movieId);
    if (torrentFile == null || torrentFile.length == 0
        || torrentFile.length > LibraryLimits.MAX_TORRENT_FILE_BYTES) {
      throw new InvalidTorrentException("a .torrent file of 1 to "
          + LibraryLimits.MAX_TORRENT_FILE_BYTES + " bytes is required");
    }
    MovieSource source = inspector.inspectTorrentFile(torrentFile);
    if (!source.infoHash().equals(movie.infoHash())) {
      throw new InvalidTorrentException("this .torrent file has info-hash " + source.infoHash()
          + ", the movie " + movie.infoHash());
    }
    if (!store.attachTorrentFile(movieId, torrentFile, source,
        LibraryRules.defaultFileIndex(source.files()), now())) {
      throw movieNotFound();
    }
    LOG.info("user {} attached a .torrent file to movie {}", ownerId, movieId);
    return owned(ownerId, movieId);
  }

  /** A movie of the caller's library. */
  public Movie movie(UUID ownerId, UUID movieId) {
    return owned(ownerId, movieId);
  }

  /** The uploaded .torrent file of one of the caller's movies, if it was added from one. */
  public Optional<byte[]> torrentFile(UUID ownerId, UUID movieId) {
    owned(ownerId, movieId);
    return store.findTorrentFile(movieId);
  }

  /** One page of the caller's library. */
  public Page<Movie> search(UUID ownerId, MovieQuery query) {
    return store.searchMovies(Objects.requireNonNull(ownerId, "ownerId"),
        Objects.requireNonNull(query, "query"));
  }

  /**
   * Changes the details that are set in {@code update}.
   *
   * @throws InvalidInputException for a field outside the limits, or a file index outside the
   *     file list ({@code invalid_file_index})
   */
  public Movie update(UUID ownerId, UUID movieId, MovieUpdate update) {
    Movie movie = owned(ownerId, movieId);
    MovieEdit edit = new MovieEdit(
        update.title().map(LibraryRules::title).orElse(movie.title()),
        update.description().map(LibraryRules::description).orElse(movie.description()),
        newYear(update, movie),
        update.tags().map(LibraryRules::tags).orElse(movie.tags()),
        update.fileIndex().isPresent()
            ? LibraryRules.fileIndex(update.fileIndex().getAsInt(), movie.files())
            : movie.fileIndex(),
        now());
    if (!store.updateMovie(movieId, edit)) {
      throw movieNotFound();
    }
    return owned(ownerId, movieId);
  }

  private static Integer newYear(MovieUpdate update, Movie movie) {
    if (update.year().isEmpty()) {
      return movie.year();
    }
    OptionalInt year = update.year().get();
    return year.isPresent() ? LibraryRules.year(year.getAsInt()) : null;
  }

  /** Deletes one of the caller's movies with its ratings and comments. */
  public void delete(UUID ownerId, UUID movieId) {
    owned(ownerId, movieId);
    if (!store.deleteMovie(movieId)) {
      throw movieNotFound();
    }
    LOG.info("user {} deleted movie {}", ownerId, movieId);
  }

  /**
   * Sets the caller's rating of a movie they own or that is shared with them.
   *
   * @throws InvalidInputException {@code invalid_rating} unless 1 to 10
   */
  public RatingSummary rate(UUID userId, UUID movieId, int value) {
    if (value < 1 || value > 10) {
      throw TextRules.invalid("rating", "a rating is a whole number from 1 to 10");
    }
    visible(userId, movieId);
    store.putRating(movieId, userId, value, now());
    return store.ratingSummary(movieId, userId);
  }

  /** The ratings of a movie the caller owns or that is shared with them. */
  public RatingSummary ratings(UUID userId, UUID movieId) {
    visible(userId, movieId);
    return store.ratingSummary(movieId, userId);
  }

  /** One page of comments, oldest first, on a movie the caller owns or that is shared with them. */
  public Page<Comment> comments(UUID userId, UUID movieId, int page, int size) {
    if (page < 0 || size < 1 || size > LibraryLimits.MAX_PAGE_SIZE) {
      throw new InvalidInputException("invalid_page",
          "page must be 0 or more and size 1 to " + LibraryLimits.MAX_PAGE_SIZE);
    }
    visible(userId, movieId);
    return store.listComments(movieId, page, size);
  }

  /** Adds a comment by the caller to a movie they own or that is shared with them. */
  public Comment addComment(UUID userId, UUID movieId, String text) {
    String checked = LibraryRules.comment(text);
    visible(userId, movieId);
    UUID commentId = UUID.randomUUID();
    store.insertComment(commentId, movieId, userId, checked, now());
    return store.findComment(commentId).orElseThrow(LibraryService::commentNotFound);
  }

  /**
   * Replaces the text of the caller's own comment.
   *
   * @throws AccessDeniedException {@code not_comment_author} when someone else wrote it
   */
  public Comment editComment(UUID userId, UUID movieId, UUID commentId, String text) {
    String checked = LibraryRules.comment(text);
    authored(userId, movieId, commentId);
    if (!store.updateComment(commentId, checked, now())) {
      throw commentNotFound();
    }
    return store.findComment(commentId).orElseThrow(LibraryService::commentNotFound);
  }

  /**
   * Deletes the caller's own comment.
   *
   * @throws AccessDeniedException {@code not_comment_author} when someone else wrote it
   */
  public void deleteComment(UUID userId, UUID movieId, UUID commentId) {
    authored(userId, movieId, commentId);
    if (!store.deleteComment(commentId)) {
      throw commentNotFound();
    }
  }

  /**
   * What room members need to stream one of the owner's movies: never the owner's private details
   * (description, tags, ratings, comments).
   */
  public RoomMedia roomMedia(UUID ownerId, UUID movieId) {
    Movie movie = owned(ownerId, movieId);
    Integer index = movie.fileIndex();
    Long length = index == null ? null : movie.files().get(index).length();
    return new RoomMedia(movie.id(), movie.infoHash(),
        LibraryRules.roomMagnet(movie.magnetUri(), movie.infoHash(), RoomMedia.MAX_MAGNET_LENGTH), index, length,
        movie.title());
  }

  private Movie owned(UUID ownerId, UUID movieId) {
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(movieId, "movieId");
    return store.findMovie(movieId)
        .filter(m -> m.ownerId().equals(ownerId))
        .orElseThrow(LibraryService::movieNotFound);
  }

  private Movie visible(UUID userId, UUID movieId) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(movieId, "movieId");
    return store.findMovie(movieId)
        .filter(m -> m.ownerId().equals(userId) || sharing.isSharedWith(m, userId))
        .orElseThrow(LibraryService::movieNotFound);
  }

  private void authored(UUID userId, UUID movieId, UUID commentId) {
    visible(userId, movieId);
    Comment comment = store.findComment(Objects.requireNonNull(commentId, "commentId"))
        .filter(c -> c.movieId().equals(movieId))
        .orElseThrow(LibraryService::commentNotFound);
    if (!comment.authorId().equals(userId)) {
      throw new AccessDeniedException("not_comment_author",
          "Only the author of a comment can edit or delete it");
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static NotFoundException movieNotFound() {
    return new NotFoundException("movie_not_found", "No such movie in your library");
  }

  private static NotFoundException commentNotFound() {
    return new NotFoundException("comment_not_found", "No such comment on this movie");
  }
}
