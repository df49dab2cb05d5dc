package io.syncer.core.store.jdbc;

import static io.syncer.core.store.jdbc.Jdbc.instant;
import static io.syncer.core.store.jdbc.Jdbc.prepare;
import static io.syncer.core.store.jdbc.Jdbc.update;
import static io.syncer.core.store.jdbc.Jdbc.uuid;

import io.syncer.core.error.ConflictException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.library.Comment;
import io.syncer.core.library.LibraryStore;
import io.syncer.core.library.Movie;
import io.syncer.core.library.MovieEdit;
import io.syncer.core.library.MovieEntry;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieQuery;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.Page;
import io.syncer.core.library.RatingSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link LibraryStore} on the tables {@code movies}, {@code movie_files}, {@code movie_tags},
 * {@code movie_torrent_files}, {@code movie_ratings} and {@code movie_comments}.
 */
final class JdbcLibraryStore implements LibraryStore {

  private static final String MOVIE_SELECT = "SELECT m.id, m.owner_id, m.title, m.description,"
      + " m.release_year, m.info_hash, m.magnet_uri, m.file_index, m.added_at, m.updated_at,"
      + " (SELECT COUNT(*) FROM movie_torrent_files t WHERE t.movie_id = m.id) AS torrent_files,"
      + " (SELECT r.rating FROM movie_ratings r"
      + "   WHERE r.movie_id = m.id AND r.account_id = m.owner_id) AS owner_rating,"
      + " (SELECT AVG(CAST(r.rating AS DOUBLE PRECISION)) FROM movie_ratings r"
      + "   WHERE r.movie_id = m.id) AS average_rating,"
      + " (SELECT COUNT(*) FROM movie_ratings r WHERE r.movie_id = m.id) AS rating_count"
      + " FROM movies m";
  private static final String COMMENT_SELECT = "SELECT c.id, c.movie_id, c.author_id,"
      + " a.username, c.body, c.created_at, c.edited_at"
      + " FROM movie_comments c JOIN accounts a ON a.id = c.author_id";
  private static final String PAGE = " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
  /** LIKE escape character; '!' rather than '\' so no database treats it specially. */
  private static final char ESCAPE = '!';

  private final Jdbc jdbc;

  JdbcLibraryStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insertMovie(MovieEntry movie) {
    jdbc.transaction(c -> {
      try {
        update(c, "INSERT INTO movies (id, owner_id, title, title_key, description, release_year,"
                + " info_hash, magnet_uri, file_index, added_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            movie.id(), movie.ownerId(), movie.title(), titleKey(movie.title()),
            movie.description(), movie.year(), movie.infoHash(), movie.magnetUri(),
            movie.fileIndex(), movie.addedAt(), movie.addedAt());
      } catch (SQLException e) {
        if (Jdbc.isUniqueViolation(e)) {
          throw new ConflictException("duplicate_movie",
              "Your library already has a movie with info-hash " + movie.infoHash());
        }
        throw e;
      }
      byte[] torrentFile = movie.torrentFile();
      if (torrentFile != null) {
        update(c, "INSERT INTO movie_torrent_files (movie_id, content) VALUES (?, ?)",
            movie.id(), torrentFile);
      }
      insertFiles(c, movie.id(), movie.files());
      insertTags(c, movie.id(), movie.tags());
      return null;
    });
  }

  private static void insertFiles(Connection c, UUID movieId, List<MovieFile> files)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO movie_files (movie_id, file_index, file_path, size_bytes)"
            + " VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < files.size(); i++) {
        MovieFile file = files.get(i);
        Jdbc.bind(s, movieId, i, file.path(), file.length());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public boolean attachTorrentFile(UUID movieId, byte[] torrentFile, MovieSource source,
      Integer fileIndex, Instant updatedAt) {
    return jdbc.transaction(c -> {
      if (update(c, "UPDATE movies SET magnet_uri = ?, file_index = ?, updated_at = ?"
          + " WHERE id = ?", source.magnetUri(), fileIndex, updatedAt, movieId) == 0) {
        return false;
      }
      update(c, "DELETE FROM movie_torrent_files WHERE movie_id = ?", movieId);
      update(c, "INSERT INTO movie_torrent_files (movie_id, content) VALUES (?, ?)", movieId,
          torrentFile);
      update(c, "DELETE FROM movie_files WHERE movie_id = ?", movieId);
      insertFiles(c, movieId, source.files());
      return true;
    });
  }

  private static void insertTags(Connection c, UUID movieId, List<String> tags)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO movie_tags (movie_id, tag) VALUES (?, ?)")) {
      for (String tag : tags) {
        Jdbc.bind(s, movieId, tag);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public Optional<Movie> findMovie(UUID movieId) {
    return jdbc.transaction(c -> {
      List<Movie> found = queryMovies(c, MOVIE_SELECT + " WHERE m.id = ?", movieId);
      return found.stream().findFirst();
    });
  }

  @Override
  public Optional<byte[]> findTorrentFile(UUID movieId) {
    return jdbc.transaction(c -> {
      try (PreparedStatement s = prepare(c,
              "SELECT content FROM movie_torrent_files WHERE movie_id = ?", movieId);
          ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(rows.getBytes("content")) : Optional.empty();
      }
    });
  }

  @Override
  public boolean updateMovie(UUID movieId, MovieEdit edit) {
    return jdbc.transaction(c -> {
      int updated = update(c, "UPDATE movies SET title = ?, title_key = ?, description = ?,"
              + " release_year = ?, file_index = ?, updated_at = ? WHERE id = ?",
          edit.title(), titleKey(edit.title()), edit.description(), edit.year(),
          edit.fileIndex(), edit.updatedAt(), movieId);
      if (updated == 0) {
        return false;
      }
      update(c, "DELETE FROM movie_tags WHERE movie_id = ?", movieId);
      insertTags(c, movieId, edit.tags());
      return true;
    });
  }

  @Override
  public boolean deleteMovie(UUID movieId) {
    return jdbc.transaction(c -> update(c, "DELETE FROM movies WHERE id = ?", movieId) == 1);
  }

  @Override
  public Page<Movie> searchMovies(UUID ownerId, MovieQuery query) {
    // Only fixed SQL fragments are concatenated; every value is a parameter.
    StringBuilder where = new StringBuilder(" WHERE m.owner_id = ?");
    List<Object> params = new ArrayList<>(List.of(ownerId));
    if (query.text() != null) {
      where.append(" AND m.title_key LIKE ? ESCAPE '").append(ESCAPE).append('\'');
      params.add("%" + escapeLike(titleKey(query.text())) + "%");
    }
    if (query.tag() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM movie_tags t"
          + " WHERE t.movie_id = m.id AND t.tag = ?)");
      params.add(query.tag());
    }
    String order = switch (query.sort()) {
      case TITLE -> " ORDER BY m.title_key, m.id";
      case ADDED -> " ORDER BY m.added_at DESC, m.title_key, m.id";
      case RATING -> " ORDER BY average_rating DESC NULLS LAST, m.title_key, m.id";
    };
    return jdbc.transaction(c -> {
      long total = count(c, "SELECT COUNT(*) FROM movies m" + where, params.toArray());
      List<Object> pageParams = new ArrayList<>(params);
      pageParams.add((long) query.page() * query.size());
      pageParams.add(query.size());
      List<Movie> items =
          queryMovies(c, MOVIE_SELECT + where + order + PAGE, pageParams.toArray());
      return new Page<>(items, query.page(), query.size(), total);
    });
  }

  private static List<Movie> queryMovies(Connection c, String sql, Object... params)
      throws SQLException {
    List<MovieRow> rows = new ArrayList<>();
    try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(new MovieRow(uuid(r, "id"), uuid(r, "owner_id"), r.getString("title"),
            r.getString("description"), r.getObject("release_year", Integer.class),
            r.getString("info_hash"), r.getString("magnet_uri"),
            r.getObject("file_index", Integer.class), instant(r, "added_at"),
            instant(r, "updated_at"), r.getLong("torrent_files") > 0,
            r.getObject("owner_rating", Integer.class),
            r.getObject("average_rating", Double.class), r.getInt("rating_count")));
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = rows.stream().map(MovieRow::id).toList();
    Map<UUID, List<MovieFile>> files = loadFiles(c, ids);
    Map<UUID, List<String>> tags = loadTags(c, ids);
    return rows.stream()
        .map(row -> row.toMovie(files.getOrDefault(row.id(), List.of()),
            tags.getOrDefault(row.id(), List.of())))
        .toList();
  }

  private record MovieRow(UUID id, UUID ownerId, String title, String description, Integer year,
      String infoHash, String magnetUri, Integer fileIndex, Instant addedAt, Instant updatedAt,
      boolean hasTorrentFile, Integer ownerRating, Double averageRating, int ratingCount) {

    Movie toMovie(List<MovieFile> files, List<String> tags) {
      return new Movie(id, ownerId, title, description, year, infoHash, magnetUri,
          hasTorrentFile, files, fileIndex, tags, addedAt, updatedAt, ownerRating, averageRating,
          ratingCount);
    }
  }

  private static Map<UUID, List<MovieFile>> loadFiles(Connection c, List<UUID> ids)
      throws SQLException {
    Map<UUID, List<MovieFile>> files = new HashMap<>();
    try (PreparedStatement s = prepare(c, "SELECT movie_id, file_path, size_bytes"
            + " FROM movie_files WHERE movie_id IN (" + placeholders(ids.size()) + ")"
            + " ORDER BY movie_id, file_index", ids.toArray());
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        files.computeIfAbsent(uuid(r, "movie_id"), id -> new ArrayList<>())
            .add(new MovieFile(r.getString("file_path"), r.getLong("size_bytes")));
      }
    }
    return files;
  }

  private static Map<UUID, List<String>> loadTags(Connection c, List<UUID> ids)
      throws SQLException {
    Map<UUID, List<String>> tags = new HashMap<>();
    try (PreparedStatement s = prepare(c, "SELECT movie_id, tag FROM movie_tags"
            + " WHERE movie_id IN (" + placeholders(ids.size()) + ")", ids.toArray());
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        tags.computeIfAbsent(uuid(r, "movie_id"), id -> new ArrayList<>()).add(r.getString("tag"));
      }
    }
    // Sorted here, not by the database, so the order does not depend on its collation.
    tags.values().forEach(Collections::sort);
    return tags;
  }

  @Override
  public void putRating(UUID movieId, UUID accountId, int value, Instant ratedAt) {
    // Update-then-insert instead of a dialect-specific upsert. Two concurrent first ratings by
    // the same user collide on the insert; the loser retries once and then updates.
    for (int attempt = 1; ; attempt++) {
      try {
        jdbc.transaction(c -> {
          if (update(c, "UPDATE movie_ratings SET rating = ?, rated_at = ?"
              + " WHERE movie_id = ? AND account_id = ?", value, ratedAt, movieId, accountId) == 0) {
            insertRating(c, movieId, accountId, value, ratedAt);
          }
          return null;
        });
        return;
      } catch (ConcurrentInsert e) {
        if (attempt == 2) {
          throw new ConflictException("concurrent_rating", "The rating changed concurrently");
        }
      }
    }
  }

  private static void insertRating(
      Connection c, UUID movieId, UUID accountId, int value, Instant ratedAt) throws SQLException {
    try {
      update(c, "INSERT INTO movie_ratings (movie_id, account_id, rating, rated_at)"
          + " VALUES (?, ?, ?, ?)", movieId, accountId, value, ratedAt);
    } catch (SQLException e) {
      if (Jdbc.isForeignKeyViolation(e)) {
        throw movieGone();
      }
      if (Jdbc.isUniqueViolation(e)) {
        throw new ConcurrentInsert();
      }
      throw e;
    }
  }

  /** Signals a lost insert race; thrown through the transaction so it is rolled back. */
  private static final class ConcurrentInsert extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConcurrentInsert() {
      super(null, null, false, false);
    }
  }

  @Override
  public RatingSummary ratingSummary(UUID movieId, UUID accountId) {
    return jdbc.transaction(c -> {
      try (PreparedStatement s = prepare(c, "SELECT"
              + " (SELECT rating FROM movie_ratings WHERE movie_id = ? AND account_id = ?) AS own,"
              + " (SELECT AVG(CAST(rating AS DOUBLE PRECISION)) FROM movie_ratings"
              + "   WHERE movie_id = ?) AS average,"
              + " (SELECT COUNT(*) FROM movie_ratings WHERE movie_id = ?) AS total",
              movieId, accountId, movieId, movieId);
          ResultSet r = s.executeQuery()) {
        r.next();
        return new RatingSummary(r.getObject("own", Integer.class),
            r.getObject("average", Double.class), r.getInt("total"));
      }
    });
  }

  @Override
  public void insertComment(
      UUID commentId, UUID movieId, UUID authorId, String text, Instant createdAt) {
    jdbc.transaction(c -> {
      try {
        return update(c, "INSERT INTO movie_comments (id, movie_id, author_id, body, created_at)"
            + " VALUES (?, ?, ?, ?, ?)", commentId, movieId, authorId, text, createdAt);
      } catch (SQLException e) {
        if (Jdbc.isForeignKeyViolation(e)) {
          throw movieGone();
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<Comment> findComment(UUID commentId) {
    return jdbc.transaction(c ->
        queryComments(c, COMMENT_SELECT + " WHERE c.id = ?", commentId).stream().findFirst());
  }

  @Override
  public boolean updateComment(UUID commentId, String text, Instant editedAt) {
    return jdbc.transaction(c -> update(c,
        "UPDATE movie_comments SET body = ?, edited_at = ? WHERE id = ?", text, editedAt,
        commentId) == 1);
  }

  @Override
  public boolean deleteComment(UUID commentId) {
    return jdbc.transaction(c ->
        update(c, "DELETE FROM movie_comments WHERE id = ?", commentId) == 1);
  }

  @Override
  public Page<Comment> listComments(UUID movieId, int page, int size) {
    return jdbc.transaction(c -> {
      long total = count(c, "SELECT COUNT(*) FROM movie_comments WHERE movie_id = ?", movieId);
      List<Comment> items = queryComments(c, COMMENT_SELECT + " WHERE c.movie_id = ?"
          + " ORDER BY c.created_at, c.id" + PAGE, movieId, (long) page * size, size);
      return new Page<>(items, page, size, total);
    });
  }

  private static List<Comment> queryComments(Connection c, String sql, Object... params)
      throws SQLException {
    List<Comment> comments = new ArrayList<>();
    try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
      while (r.next()) {
        comments.add(new Comment(uuid(r, "id"), uuid(r, "movie_id"), uuid(r, "author_id"),
            r.getString("username"), r.getString("body"), instant(r, "created_at"),
            instant(r, "edited_at")));
      }
    }
    return comments;
  }

  private static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params); ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  private static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static String titleKey(String title) {
    return title.toLowerCase(Locale.ROOT);
  }

  private static String escapeLike(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      if (ch == '%' || ch == '_' || ch == ESCAPE) {
        escaped.append(ESCAPE);
      }
      escaped.append(ch);
    }
    return escaped.toString();
  }

  private static NotFoundException movieGone() {
    return new NotFoundException("movie_not_found", "No such movie");
  }
}
