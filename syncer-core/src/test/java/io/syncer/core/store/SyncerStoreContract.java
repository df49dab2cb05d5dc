package io.syncer.core.store;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syncer.core.account.StoredAccount;
import io.syncer.core.account.StoredSession;
import io.syncer.core.error.ConflictException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.library.Comment;
import io.syncer.core.library.Movie;
import io.syncer.core.library.MovieEdit;
import io.syncer.core.library.MovieEntry;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieQuery;
import io.syncer.core.library.MovieSort;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.Page;
import io.syncer.core.library.RatingSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SyncerStore} implementation must have. Each implementation's test
 * extends this class and says how to open a fresh, empty store.
 */
public abstract class SyncerStoreContract {

  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  /** Text that would break a store splicing values into SQL. */
  protected static final String SQL_METACHARACTERS =
      "Robert'); DROP TABLE movies; -- \" ; /* */ % _ \\ ' OR '1'='1";

  protected SyncerStore store;
  private int nextHash = 1;

  /** A fresh, empty store. */
  protected abstract SyncerStore openStore() throws Exception;

  /** Called after the store is closed, to remove what {@link #openStore()} created. */
  protected void afterClose() throws Exception {}

  @BeforeEach
  void openFreshStore() throws Exception {
    store = openStore();
  }

  @AfterEach
  void closeStore() throws Exception {
    if (store != null) {
      store.close();
      afterClose();
    }
  }

  protected StoredAccount account(String username) {
    StoredAccount account =
        new StoredAccount(UUID.randomUUID(), username, "$argon2id$hash-of-" + username, T0);
    store.accounts().insertAccount(account);
    return account;
  }

  protected MovieEntry movie(StoredAccount owner, String title, Instant addedAt,
      String... tags) {
    MovieEntry entry = new MovieEntry(UUID.randomUUID(), owner.id(), title, "", null,
        infoHash(nextHash++), "magnet:?xt=urn:btih:x", null, List.of(), null, List.of(tags),
        addedAt);
    store.library().insertMovie(entry);
    return entry;
  }

  protected StoredSession session(StoredAccount account, String refreshHash, Instant expiresAt) {
    StoredSession session =
        new StoredSession(UUID.randomUUID(), account.id(), refreshHash, null, T0, expiresAt);
    store.accounts().insertSession(session);
    return session;
  }

  private List<String> titles(Page<Movie> page) {
    return page.items().stream().map(Movie::title).toList();
  }

  private Page<Movie> search(StoredAccount owner, String text, String tag, MovieSort sort) {
    return store.library().searchMovies(owner.id(), new MovieQuery(text, tag, sort, 0, 50));
  }

  // ---- accounts ----

  @Test
  void accountsAreFoundByIdAndByNameIgnoringCase() {
    StoredAccount alice = account("Alice");

    assertThat(store.accounts().findAccountById(alice.id())).contains(alice);
    assertThat(store.accounts().findAccountByUsername("aLiCe")).contains(alice);
    assertThat(store.accounts().findAccountByUsername("alice2")).isEmpty();
    assertThat(store.accounts().findAccountById(UUID.randomUUID())).isEmpty();
  }

  @Test
  void aTakenUsernameIsRefusedInAnyCaseAndTheFirstAccountStays() {
    StoredAccount alice = account("alice");

    assertThatThrownBy(() -> account("ALICE"))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("username_taken"));
    assertThat(store.accounts().findAccountByUsername("Alice")).contains(alice);
  }

  @Test
  void replacingThePasswordHashEndsEverySessionOfThatAccountOnly() {
    StoredAccount alice = account("alice");
    StoredAccount bob = account("bob");
    StoredSession aliceOne = session(alice, "a1", T0.plusSeconds(60));
    StoredSession aliceTwo = session(alice, "a2", T0.plusSeconds(60));
    StoredSession bobs = session(bob, "b1", T0.plusSeconds(60));

    assertThat(store.accounts().replacePasswordHashAndEndSessions(alice.id(), "new-hash")).isTrue();

    assertThat(store.accounts().findAccountById(alice.id()).orElseThrow().passwordHash())
        .isEqualTo("new-hash");
    assertThat(store.accounts().findSession(aliceOne.id())).isEmpty();
    assertThat(store.accounts().findSession(aliceTwo.id())).isEmpty();
    assertThat(store.accounts().findSession(bobs.id())).contains(bobs);
    assertThat(store.accounts().replacePasswordHashAndEndSessions(UUID.randomUUID(), "x"))
        .isFalse();
  }

  @Test
  void aRefreshTokenRotatesExactlyOnceAndBothHashesFindTheSession() {
    StoredAccount alice = account("alice");
    StoredSession session = session(alice, "first", T0.plusSeconds(60));
    Instant later = T0.plus(Duration.ofDays(30));

    assertThat(store.accounts().rotateRefreshToken(session.id(), "first", "second", later))
        .isTrue();
    assertThat(store.accounts().rotateRefreshToken(session.id(), "first", "third", later))
        .isFalse();

    StoredSession rotated = new StoredSession(session.id(), alice.id(), "second", "first", T0,
        later);
    assertThat(store.accounts().findSession(session.id())).contains(rotated);
    assertThat(store.accounts().findSessionByRefreshTokenHash("second")).contains(rotated);
    assertThat(store.accounts().findSessionByRefreshTokenHash("first")).contains(rotated);
    assertThat(store.accounts().findSessionByRefreshTokenHash("third")).isEmpty();
  }

  @Test
  void sessionsAreDeletedOneByOneOrWhenExpired() {
    StoredAccount alice = account("alice");
    StoredSession expired = session(alice, "old", T0.plusSeconds(10));
    StoredSession current = session(alice, "new", T0.plusSeconds(100));
    StoredSession other = session(alice, "other", T0.plusSeconds(100));

    assertThat(store.accounts().deleteExpiredSessions(T0.plusSeconds(50))).isEqualTo(1);
    assertThat(store.accounts().findSession(expired.id())).isEmpty();
    assertThat(store.accounts().findSession(current.id())).isPresent();

    assertThat(store.accounts().deleteSession(current.id())).isTrue();
    assertThat(store.accounts().deleteSession(current.id())).isFalse();
    assertThat(store.accounts().findSession(current.id())).isEmpty();
    assertThat(store.accounts().findSession(other.id())).isPresent();
  }

  // ---- movies ----

  @Test
  void aMovieFromATorrentFileRoundTripsEveryField() {
    StoredAccount alice = account("alice");
    byte[] torrent = {'d', 0, 1, 2, (byte) 0xff, 'e'};
    MovieEntry entry = new MovieEntry(UUID.randomUUID(), alice.id(), "Le Voyage — 月", 
        "line one\nline two\t" + SQL_METACHARACTERS, 1902, infoHash(7),
        "magnet:?xt=urn:btih:" + infoHash(7) + "&tr=udp%3A%2F%2Ft.example%3A1",
        torrent, List.of(new MovieFile("Voyage/sample.mkv", 10), new MovieFile("Voyage/movie.mkv",
            5_000_000_000L), new MovieFile("Voyage/subs/en.srt", 0)),
        1, List.of("classic", "silent film"), T0);

    store.library().insertMovie(entry);

    Movie movie = store.library().findMovie(entry.id()).orElseThrow();
    assertThat(movie).isEqualTo(new Movie(entry.id(), alice.id(), entry.title(),
        entry.description(), 1902, entry.infoHash(), entry.magnetUri(), true, entry.files(), 1,
        List.of("classic", "silent film"), T0, T0, null, null, 0));
    assertThat(store.library().findTorrentFile(entry.id())).hasValueSatisfying(
        bytes -> assertThat(bytes).containsExactly(torrent));
  }

  @Test
  void aMovieFromAMagnetWithoutMetadataRoundTrips() {
    StoredAccount alice = account("alice");
    MovieEntry entry = movie(alice, "Nosferatu", T0);

    Movie movie = store.library().findMovie(entry.id()).orElseThrow();

    assertThat(movie.files()).isEmpty();
    assertThat(movie.fileIndex()).isNull();
    assertThat(movie.year()).isNull();
    assertThat(movie.hasTorrentFile()).isFalse();
    assertThat(movie.description()).isEmpty();
    assertThat(store.library().findTorrentFile(entry.id())).isEmpty();
    assertThat(store.library().findMovie(UUID.randomUUID())).isEmpty();
  }

  @Test
  void theSameInfoHashIsRefusedInOneLibraryButAllowedInAnother() {
    StoredAccount alice = account("alice");
    StoredAccount bob = account("bob");
    MovieEntry first = movie(alice, "Metropolis", T0);
    MovieEntry copy = new MovieEntry(UUID.randomUUID(), alice.id(), "Metropolis again", "", null,
        first.infoHash(), first.magnetUri(), null, List.of(), null, List.of(), T0);
    MovieEntry bobs = new MovieEntry(UUID.randomUUID(), bob.id(), "Metropolis", "", null,
        first.infoHash(), first.magnetUri(), null, List.of(), null, List.of(), T0);

    assertThatThrownBy(() -> store.library().insertMovie(copy))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.code()).isEqualTo("duplicate_movie"));
    store.library().insertMovie(bobs);

    assertThat(store.library().findMovie(copy.id())).isEmpty();
    assertThat(store.library().findMovie(first.id()).orElseThrow().title())
        .isEqualTo("Metropolis");
    assertThat(store.library().findMovie(bobs.id())).isPresent();
  }

  @Test
  void updatingReplacesTheEditableFieldsAndAllTags() {
    StoredAccount alice = account("alice");
    MovieEntry entry = movie(alice, "Old title", T0, "a", "b");
    Instant later = T0.plusSeconds(5);

    assertThat(store.library().updateMovie(entry.id(),
        new MovieEdit("New title", "about it", 1927, List.of("b", "c"), null, later))).isTrue();

    Movie movie = store.library().findMovie(entry.id()).orElseThrow();
    assertThat(movie.title()).isEqualTo("New title");
    assertThat(movie.description()).isEqualTo("about it");
    assertThat(movie.year()).isEqualTo(1927);
    assertThat(movie.tags()).containsExactly("b", "c");
    assertThat(movie.addedAt()).isEqualTo(T0);
    assertThat(movie.updatedAt()).isEqualTo(later);
    assertThat(search(alice, "new", null, MovieSort.TITLE).items()).hasSize(1);
    assertThat(search(alice, null, "a", MovieSort.TITLE).items()).isEmpty();
  }

  @Test
  void attachingATorrentFileGivesAMovieItsFilesAndKeepsItsDetails() {
    StoredAccount alice = account("alice");
    MovieEntry entry = movie(alice, "Magnet only", T0, "kept");
    store.library().putRating(entry.id(), alice.id(), 8, T0);
    byte[] torrent = {'d', '4', 'e'};
    List<MovieFile> files = List.of(new MovieFile("a/sample.mkv", 3), new MovieFile("a/a.mkv", 9));
    MovieSource source = new MovieSource(entry.infoHash(), "a", List.of("udp://t.example:1"),
        files, "magnet:?xt=urn:btih:" + entry.infoHash() + "&tr=udp%3A%2F%2Ft.example%3A1");

    assertThat(store.library().attachTorrentFile(entry.id(), torrent, source, 1,
        T0.plusSeconds(7))).isTrue();
    assertThat(store.library().attachTorrentFile(entry.id(), torrent, source, 0,
        T0.plusSeconds(8))).isTrue();

    Movie movie = store.library().findMovie(entry.id()).orElseThrow();
    assertThat(movie.files()).isEqualTo(files);
    assertThat(movie.fileIndex()).isZero();
    assertThat(movie.magnetUri()).isEqualTo(source.magnetUri());
    assertThat(movie.hasTorrentFile()).isTrue();
    assertThat(movie.updatedAt()).isEqualTo(T0.plusSeconds(8));
    assertThat(movie.title()).isEqualTo("Magnet only");
    assertThat(movie.tags()).containsExactly("kept");
    assertThat(movie.ownerRating()).isEqualTo(8);
    assertThat(store.library().findTorrentFile(entry.id())).hasValueSatisfying(
        bytes -> assertThat(bytes).containsExactly(torrent));
    assertThat(store.library().attachTorrentFile(UUID.randomUUID(), torrent, source, 0, T0))
        .isFalse();
  }

  @Test
  void updatingOrDeletingAnUnknownMovieReportsFalse() {
    MovieEdit edit = new MovieEdit("x", "", null, List.of(), null, T0);

    assertThat(store.library().updateMovie(UUID.randomUUID(), edit)).isFalse();
    assertThat(store.library().deleteMovie(UUID.randomUUID())).isFalse();
  }

  @Test
  void deletingAMovieDeletesItsTorrentRatingsAndCommentsButNothingElse() {
    StoredAccount alice = account("alice");
    byte[] torrent = {'d', 'e'};
    MovieEntry doomed = new MovieEntry(UUID.randomUUID(), alice.id(), "Doomed", "", null,
        infoHash(99), "magnet:?xt=urn:btih:x", torrent, List.of(new MovieFile("a.mkv", 1)), 0,
        List.of("t"), T0);
    store.library().insertMovie(doomed);
    MovieEntry kept = movie(alice, "Kept", T0, "t");
    UUID comment = UUID.randomUUID();
    store.library().insertComment(comment, doomed.id(), alice.id(), "bye", T0);
    store.library().putRating(doomed.id(), alice.id(), 3, T0);
    store.library().putRating(kept.id(), alice.id(), 9, T0);

    assertThat(store.library().deleteMovie(doomed.id())).isTrue();

    assertThat(store.library().findMovie(doomed.id())).isEmpty();
    assertThat(store.library().findTorrentFile(doomed.id())).isEmpty();
    assertThat(store.library().findComment(comment)).isEmpty();
    assertThat(store.library().ratingSummary(doomed.id(), alice.id()))
        .isEqualTo(new RatingSummary(null, null, 0));
    assertThat(titles(search(alice, null, "t", MovieSort.TITLE))).containsExactly("Kept");
    assertThat(store.library().findMovie(kept.id()).orElseThrow().ownerRating()).isEqualTo(9);
  }

  // ---- search ----

  @Test
  void searchMatchesTitleSubstringsIgnoringCaseAndTakesWildcardsLiterally() {
    StoredAccount alice = account("alice");
    movie(alice, "The Matrix", T0);
    movie(alice, "Matrix Reloaded", T0.plusSeconds(1));
    movie(alice, "100% Cotton", T0.plusSeconds(2));
    movie(alice, "snake_case", T0.plusSeconds(3));
    movie(alice, "Alien", T0.plusSeconds(4));

    assertThat(titles(search(alice, "MATRIX", null, MovieSort.TITLE)))
        .containsExactly("Matrix Reloaded", "The Matrix");
    assertThat(titles(search(alice, "%", null, MovieSort.TITLE))).containsExactly("100% Cotton");
    assertThat(titles(search(alice, "e_c", null, MovieSort.TITLE))).containsExactly("snake_case");
    assertThat(titles(search(alice, "x_", null, MovieSort.TITLE))).isEmpty();
    assertThat(titles(search(alice, "!", null, MovieSort.TITLE))).isEmpty();
    assertThat(search(alice, null, null, MovieSort.TITLE).totalItems()).isEqualTo(5);
  }

  @Test
  void searchFiltersByTagAndCombinesWithText() {
    StoredAccount alice = account("alice");
    movie(alice, "Alien", T0, "horror", "space");
    movie(alice, "Aliens", T0.plusSeconds(1), "action", "space");
    movie(alice, "Psycho", T0.plusSeconds(2), "horror");

    assertThat(titles(search(alice, null, "horror", MovieSort.TITLE)))
        .containsExactly("Alien", "Psycho");
    assertThat(titles(search(alice, "alien", "space", MovieSort.TITLE)))
        .containsExactly("Alien", "Aliens");
    assertThat(titles(search(alice, "psy", "space", MovieSort.TITLE))).isEmpty();
    assertThat(titles(search(alice, null, "western", MovieSort.TITLE))).isEmpty();
  }

  @Test
  void searchOnlySeesTheOwnersLibrary() {
    StoredAccount alice = account("alice");
    StoredAccount bob = account("bob");
    movie(alice, "Alice's movie", T0, "shared-tag");
    movie(bob, "Bob's movie", T0, "shared-tag");

    assertThat(titles(search(alice, null, null, MovieSort.ADDED)))
        .containsExactly("Alice's movie");
    assertThat(titles(search(bob, "movie", "shared-tag", MovieSort.ADDED)))
        .containsExactly("Bob's movie");
  }

  @Test
  void searchSortsByTitleByNewestAndByAverageRatingWithUnratedLast() {
    StoredAccount alice = account("alice");
    StoredAccount bob = account("bob");
    MovieEntry b = movie(alice, "bravo", T0.plusSeconds(3));
    MovieEntry a = movie(alice, "Alpha", T0.plusSeconds(1));
    MovieEntry c = movie(alice, "charlie", T0.plusSeconds(2));
    movie(alice, "delta", T0);
    store.library().putRating(a.id(), alice.id(), 4, T0);
    store.library().putRating(b.id(), alice.id(), 9, T0);
    store.library().putRating(c.id(), alice.id(), 10, T0);
    store.library().putRating(c.id(), bob.id(), 2, T0);

    assertThat(titles(search(alice, null, null, MovieSort.TITLE)))
        .containsExactly("Alpha", "bravo", "charlie", "delta");
    assertThat(titles(search(alice, null, null, MovieSort.ADDED)))
        .containsExactly("bravo", "charlie", "Alpha", "delta");
    assertThat(titles(search(alice, null, null, MovieSort.RATING)))
        .containsExactly("bravo", "charlie", "Alpha", "delta");
  }

  @Test
  void pagesSliceTheOrderedMatchesAndCountThemAll() {
    StoredAccount alice = account("alice");
    for (int i = 0; i < 7; i++) {
      movie(alice, "movie " + i, T0.plusSeconds(i));
    }

    Page<Movie> second = store.library().searchMovies(alice.id(),
        new MovieQuery("movie", null, MovieSort.TITLE, 1, 3));
    Page<Movie> beyond = store.library().searchMovies(alice.id(),
        new MovieQuery(null, null, MovieSort.TITLE, 5, 3));

    assertThat(titles(second)).containsExactly("movie 3", "movie 4", "movie 5");
    assertThat(second.totalItems()).isEqualTo(7);
    assertThat(second.totalPages()).isEqualTo(3);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.totalItems()).isEqualTo(7);
  }

  // ---- ratings ----

  @Test
  void aRatingIsReplacedNotAddedAndAveragedOverUsers() {
    StoredAccount alice = account("alice");
    StoredAccount bob = account("bob");
    MovieEntry entry = movie(alice, "Heat", T0);

    store.library().putRating(entry.id(), alice.id(), 2, T0);
    store.library().putRating(entry.id(), alice.id(), 8, T0.plusSeconds(1));
    store.library().putRating(entry.id(), bob.id(), 5, T0);

    RatingSummary forBob = store.library().ratingSummary(entry.id(), bob.id());
    assertThat(forBob.yourRating()).isEqualTo(5);
    assertThat(forBob.count()).isEqualTo(2);
    assertThat(forBob.average()).isCloseTo(6.5, within(1e-9));
    Movie movie = store.library().findMovie(entry.id()).orElseThrow();
    assertThat(movie.ownerRating()).isEqualTo(8);
    assertThat(movie.averageRating()).isCloseTo(6.5, within(1e-9));
    assertThat(movie.ratingCount()).isEqualTo(2);
  }

  @Test
  void ratingOrCommentingOnAMissingMovieIsNotFound() {
    StoredAccount alice = account("alice");
    UUID missing = UUID.randomUUID();

    assertThatThrownBy(() -> store.library().putRating(missing, alice.id(), 5, T0))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.code()).isEqualTo("movie_not_found"));
    assertThatThrownBy(() -> store.library().insertComment(UUID.randomUUID(), missing,
        alice.id(), "hi", T0))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.code()).isEqualTo("movie_not_found"));
    assertThat(store.library().ratingSummary(missing, alice.id()))
        .isEqualTo(new RatingSummary(null, null, 0));
  }

  // ---- comments ----

  @Test
  void commentsAreListedOldestFirstWithAuthorNamesInPages() {
    StoredAccount alice = account("alice");
    StoredAccount bob = account("Bob");
    MovieEntry entry = movie(alice, "Heat", T0);
    MovieEntry other = movie(alice, "Ronin", T0);
    UUID first = UUID.randomUUID();
    store.library().insertComment(UUID.randomUUID(), entry.id(), bob.id(), "third", T0.plusSeconds(3));
    store.library().insertComment(first, entry.id(), alice.id(), "first", T0.plusSeconds(1));
    store.library().insertComment(UUID.randomUUID(), entry.id(), bob.id(), "second", T0.plusSeconds(2));
    store.library().insertComment(UUID.randomUUID(), other.id(), bob.id(), "elsewhere", T0);

    Page<Comment> page = store.library().listComments(entry.id(), 0, 2);
    Page<Comment> rest = store.library().listComments(entry.id(), 1, 2);

    assertThat(page.items()).extracting(Comment::text).containsExactly("first", "second");
    assertThat(page.items()).extracting(Comment::authorName).containsExactly("alice", "Bob");
    assertThat(page.totalItems()).isEqualTo(3);
    assertThat(rest.items()).extracting(Comment::text).containsExactly("third");
    assertThat(store.library().findComment(first)).contains(
        new Comment(first, entry.id(), alice.id(), "alice", "first", T0.plusSeconds(1), null));
  }

  @Test
  void aCommentIsEditedAndDeleted() {
    StoredAccount alice = account("alice");
    MovieEntry entry = movie(alice, "Heat", T0);
    UUID id = UUID.randomUUID();
    store.library().insertComment(id, entry.id(), alice.id(), "frist", T0);

    assertThat(store.library().updateComment(id, "first", T0.plusSeconds(9))).isTrue();
    Comment edited = store.library().findComment(id).orElseThrow();
    assertThat(edited.text()).isEqualTo("first");
    assertThat(edited.createdAt()).isEqualTo(T0);
    assertThat(edited.editedAt()).isEqualTo(T0.plusSeconds(9));

    assertThat(store.library().deleteComment(id)).isTrue();
    assertThat(store.library().deleteComment(id)).isFalse();
    assertThat(store.library().updateComment(id, "again", T0)).isFalse();
    assertThat(store.library().findComment(id)).isEmpty();
  }

  // ---- hostile text ----

  @Test
  void sqlMetacharactersAreStoredVerbatimInEveryTextFieldAndHarmNothing() {
    StoredAccount hostile = account("o'brien\"; DROP TABLE accounts; --");
    StoredAccount bystander = account("bystander");
    MovieEntry bystanderMovie = movie(bystander, "Untouched", T0);
    MovieEntry entry = new MovieEntry(UUID.randomUUID(), hostile.id(), SQL_METACHARACTERS,
        SQL_METACHARACTERS, null, infoHash(4242), "magnet:?xt=urn:btih:'; DELETE FROM movies; --",
        null, List.of(new MovieFile("'; DROP TABLE movie_files; --.mkv", 1)), 0,
        List.of("'; drop table movie_tags; --"), T0);
    store.library().insertMovie(entry);
    UUID comment = UUID.randomUUID();
    store.library().insertComment(comment, entry.id(), hostile.id(), SQL_METACHARACTERS, T0);

    Movie stored = store.library().findMovie(entry.id()).orElseThrow();
    assertThat(stored.title()).isEqualTo(SQL_METACHARACTERS);
    assertThat(stored.description()).isEqualTo(SQL_METACHARACTERS);
    assertThat(stored.magnetUri()).isEqualTo(entry.magnetUri());
    assertThat(stored.files()).isEqualTo(entry.files());
    assertThat(stored.tags()).isEqualTo(entry.tags());
    assertThat(store.library().findComment(comment).orElseThrow().text())
        .isEqualTo(SQL_METACHARACTERS);
    assertThat(store.accounts().findAccountByUsername(hostile.username())).contains(hostile);
    assertThat(titles(search(hostile, "'1'='1", "'; drop table movie_tags; --", MovieSort.TITLE)))
        .containsExactly(SQL_METACHARACTERS);
    assertThat(store.library().findMovie(bystanderMovie.id())).isPresent();
    assertThat(store.accounts().findAccountById(bystander.id())).contains(bystander);
  }
}
