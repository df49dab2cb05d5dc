package io.syncer.core.store;

import io.syncer.core.account.AccountStore;
import io.syncer.core.account.StoredAccount;
import io.syncer.core.account.StoredSession;
import io.syncer.core.error.ConflictException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.library.Comment;
import io.syncer.core.library.LibraryStore;
import io.syncer.core.library.Movie;
import io.syncer.core.library.MovieEdit;
import io.syncer.core.library.MovieEntry;
import io.syncer.core.library.MovieQuery;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.Page;
import io.syncer.core.library.RatingSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A {@link SyncerStore} in memory: nothing survives the process. For tests, demos and embedding.
 *
 * <p>Thread-safety: safe for concurrent use; every operation holds one lock, which makes each
 * atomic and keeps the accounts and libraries consistent with each other.
 */
public final class InMemorySyncerStore implements SyncerStore {

  private final Object lock = new Object();
  private final Map<UUID, StoredAccount> accounts = new HashMap<>();
  private final Map<String, UUID> accountIdsByKey = new HashMap<>();
  private final Map<UUID, StoredSession> sessions = new HashMap<>();
  private final Map<UUID, MovieRow> movies = new HashMap<>();
  private final Map<UUID, Map<UUID, Integer>> ratingsByMovie = new HashMap<>();
  private final Map<UUID, CommentRow> comments = new LinkedHashMap<>();
  private final AccountStore accountStore = new Accounts();
  private final LibraryStore libraryStore = new Library();

  private record MovieRow(MovieEntry entry, MovieEdit edit) {}

  private record CommentRow(
      UUID id, UUID movieId, UUID authorId, String text, Instant createdAt, Instant editedAt) {}

  @Override
  public AccountStore accounts() {
    return accountStore;
  }

  @Override
  public LibraryStore library() {
    return libraryStore;
  }

  @Override
  public void close() {
    // Nothing to release: the data simply goes away with this object.
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private final class Accounts implements AccountStore {

    @Override
    public void insertAccount(StoredAccount account) {
      synchronized (lock) {
        String key = key(account.username());
        if (accountIdsByKey.containsKey(key)) {
          throw new ConflictException("username_taken", "This username is taken");
        }
        accounts.put(account.id(), account);
        accountIdsByKey.put(key, account.id());
      }
    }

    @Override
    public Optional<StoredAccount> findAccountByUsername(String username) {
      synchronized (lock) {
        return Optional.ofNullable(accountIdsByKey.get(key(username))).map(accounts::get);
      }
    }

    @Override
    public Optional<StoredAccount> findAccountById(UUID accountId) {
      synchronized (lock) {
        return Optional.ofNullable(accounts.get(accountId));
      }
    }

    @Override
    public boolean replacePasswordHashAndEndSessions(UUID accountId, String passwordHash) {
      synchronized (lock) {
        StoredAccount old = accounts.get(accountId);
        if (old == null) {
          return false;
        }
        accounts.put(accountId,
            new StoredAccount(old.id(), old.username(), passwordHash, old.createdAt()));
        sessions.values().removeIf(s -> s.accountId().equals(accountId));
        return true;
      }
    }

    @Override
    public void insertSession(StoredSession session) {
      synchronized (lock) {
        sessions.put(session.id(), session);
      }
    }

    @Override
    public Optional<StoredSession> findSession(UUID sessionId) {
      synchronized (lock) {
        return Optional.ofNullable(sessions.get(sessionId));
      }
    }

    @Override
    public Optional<StoredSession> findSessionByRefreshTokenHash(String refreshTokenHash) {
      synchronized (lock) {
        return sessions.values().stream()
            .filter(s -> refreshTokenHash.equals(s.refreshTokenHash())
                || refreshTokenHash.equals(s.previousRefreshTokenHash()))
            .findFirst();
      }
    }

    @Override
    public boolean rotateRefreshToken(
        UUID sessionId, String expectedHash, String newHash, Instant newRefreshExpiresAt) {
      synchronized (lock) {
        StoredSession s = sessions.get(sessionId);
        if (s == null || !s.refreshTokenHash().equals(expectedHash)) {
          return false;
        }
        sessions.put(sessionId, new StoredSession(s.id(), s.accountId(), newHash, expectedHash,
            s.createdAt(), newRefreshExpiresAt));
        return true;
      }
    }

    @Override
    public boolean deleteSession(UUID sessionId) {
      synchronized (lock) {
        return sessions.remove(sessionId) != null;
      }
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
      synchronized (lock) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.refreshExpiresAt().isBefore(now));
        return before - sessions.size();
      }
    }
  }

  private final class Library implements LibraryStore {

    @Override
    public void insertMovie(MovieEntry movie) {
      synchronized (lock) {
        boolean duplicate = movies.values().stream()
            .anyMatch(r -> r.entry().ownerId().equals(movie.ownerId())
                && r.entry().infoHash().equals(movie.infoHash()));
        if (duplicate) {
          throw new ConflictException("duplicate_movie",
              "Your library already has a movie with info-hash " + movie.infoHash());
        }
        movies.put(movie.id(), new MovieRow(movie, new MovieEdit(movie.title(),
            movie.description(), movie.year(), movie.tags(), movie.fileIndex(),
            movie.addedAt())));
      }
    }

    @Override
    public Optional<Movie> findMovie(UUID movieId) {
      synchronized (lock) {
        return Optional.ofNullable(movies.get(movieId)).map(this::toMovie);
      }
    }

    @Override
    public Optional<byte[]> findTorrentFile(UUID movieId) {
      synchronized (lock) {
        return Optional.ofNullable(movies.get(movieId)).map(r -> r.entry().torrentFile());
      }
    }

    @Override
    public boolean updateMovie(UUID movieId, MovieEdit edit) {
      synchronized (lock) {
        MovieRow row = movies.get(movieId);
        if (row == null) {
          return false;
        }
        movies.put(movieId, new MovieRow(row.entry(), edit));
        return true;
      }
    }

    @Override
    public boolean attachTorrentFile(UUID movieId, byte[] torrentFile, MovieSource source,
        Integer fileIndex, Instant updatedAt) {
      synchronized (lock) {
        MovieRow row = movies.get(movieId);
        if (row == null) {
          return false;
        }
        MovieEntry e = row.entry();
        MovieEdit edit = row.edit();
        movies.put(movieId, new MovieRow(
            new MovieEntry(e.id(), e.ownerId(), e.title(), e.description(), e.year(),
                e.infoHash(), source.magnetUri(), torrentFile, source.files(), fileIndex,
                e.tags(), e.addedAt()),
            new MovieEdit(edit.title(), edit.description(), edit.year(), edit.tags(), fileIndex,
                updatedAt)));
        return true;
      }
    }

    @Override
    public boolean deleteMovie(UUID movieId) {
      synchronized (lock) {
        if (movies.remove(movieId) == null) {
          return false;
        }
        ratingsByMovie.remove(movieId);
        comments.values().removeIf(c -> c.movieId().equals(movieId));
        return true;
      }
    }

    @Override
    public Page<Movie> searchMovies(UUID ownerId, MovieQuery query) {
      synchronized (lock) {
        Stream<Movie> matches = movies.values().stream()
            .filter(r -> r.entry().ownerId().equals(ownerId))
            .map(this::toMovie)
            .filter(m -> query.text() == null || key(m.title()).contains(key(query.text())))
            .filter(m -> query.tag() == null || m.tags().contains(query.tag()));
        List<Movie> sorted = matches.sorted(order(query)).toList();
        return page(sorted, query.page(), query.size());
      }
    }

    private Comparator<Movie> order(MovieQuery query) {
      Comparator<Movie> byTitleThenId = Comparator.comparing((Movie m) -> key(m.title()))
          .thenComparing(m -> m.id().toString());
      return switch (query.sort()) {
        case TITLE -> byTitleThenId;
        case ADDED -> Comparator.comparing(Movie::addedAt).reversed().thenComparing(byTitleThenId);
        case RATING -> Comparator.comparing(Movie::averageRating,
                Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(byTitleThenId);
      };
    }

    @Override
    public void putRating(UUID movieId, UUID accountId, int value, Instant ratedAt) {
      synchronized (lock) {
        if (!movies.containsKey(movieId)) {
          throw new NotFoundException("movie_not_found", "No such movie");
        }
        ratingsByMovie.computeIfAbsent(movieId, id -> new HashMap<>()).put(accountId, value);
      }
    }

    @Override
    public RatingSummary ratingSummary(UUID movieId, UUID accountId) {
      synchronized (lock) {
        Map<UUID, Integer> ratings = ratingsByMovie.getOrDefault(movieId, Map.of());
        return new RatingSummary(ratings.get(accountId), average(ratings), ratings.size());
      }
    }

    @Override
    public void insertComment(
        UUID commentId, UUID movieId, UUID authorId, String text, Instant createdAt) {
      synchronized (lock) {
        if (!movies.containsKey(movieId)) {
          throw new NotFoundException("movie_not_found", "No such movie");
        }
        comments.put(commentId, new CommentRow(commentId, movieId, authorId, text, createdAt, null));
      }
    }

    @Override
    public Optional<Comment> findComment(UUID commentId) {
      synchronized (lock) {
        return Optional.ofNullable(comments.get(commentId)).map(this::toComment);
      }
    }

    @Override
    public boolean updateComment(UUID commentId, String text, Instant editedAt) {
      synchronized (lock) {
        CommentRow c = comments.get(commentId);
        if (c == null) {
          return false;
        }
        comments.put(commentId,
            new CommentRow(c.id(), c.movieId(), c.authorId(), text, c.createdAt(), editedAt));
        return true;
      }
    }

    @Override
    public boolean deleteComment(UUID commentId) {
      synchronized (lock) {
        return comments.remove(commentId) != null;
      }
    }

    @Override
    public Page<Comment> listComments(UUID movieId, int page, int size) {
      synchronized (lock) {
        List<Comment> sorted = comments.values().stream()
            .filter(c -> c.movieId().equals(movieId))
            .sorted(Comparator.comparing(CommentRow::createdAt)
                .thenComparing(c -> c.id().toString()))
            .map(this::toComment)
            .toList();
        return page(sorted, page, size);
      }
    }

    private Movie toMovie(MovieRow row) {
      MovieEntry e = row.entry();
      MovieEdit edit = row.edit();
      Map<UUID, Integer> ratings = ratingsByMovie.getOrDefault(e.id(), Map.of());
      return new Movie(e.id(), e.ownerId(), edit.title(), edit.description(), edit.year(),
          e.infoHash(), e.magnetUri(), e.torrentFile() != null, e.files(), edit.fileIndex(),
          edit.tags(), e.addedAt(), edit.updatedAt(), ratings.get(e.ownerId()), average(ratings),
          ratings.size());
    }

    private Comment toComment(CommentRow c) {
      return new Comment(c.id(), c.movieId(), c.authorId(), accounts.get(c.authorId()).username(),
          c.text(), c.createdAt(), c.editedAt());
    }

    private Double average(Map<UUID, Integer> ratings) {
      if (ratings.isEmpty()) {
        return null;
      }
      double sum = 0;
      for (int value : ratings.values()) {
        sum += value;
      }
      return sum / ratings.size();
    }

    private <T> Page<T> page(List<T> all, int page, int size) {
      long from = (long) page * size;
      List<T> items = from >= all.size()
          ? List.of()
          : new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + size)));
      return new Page<>(items, page, size, all.size());
    }
  }
}
