package io.syncer.core.library;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static io.syncer.core.testing.FakeTorrentInspector.magnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.syncer.core.account.StoredAccount;
import io.syncer.core.error.AccessDeniedException;
import io.syncer.core.error.ConflictException;
import io.syncer.core.error.InvalidInputException;
import io.syncer.core.error.NotFoundException;
import io.syncer.core.error.ServiceException;
import io.syncer.core.store.InMemorySyncerStore;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.core.testing.MutableClock;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class LibraryServiceTest {

  private final InMemorySyncerStore store = new InMemorySyncerStore();
  private final MutableClock clock = MutableClock.atNewYear2026();
  private final FakeTorrentInspector inspector = new FakeTorrentInspector();
  /** Pairs "movieId/userId" the owner shared a movie with, as a room would. */
  private final Set<String> shared = ConcurrentHashMap.newKeySet();
  private final LibraryService library = new LibraryService(store.library(), inspector,
      (movie, userId) -> shared.contains(movie.id() + "/" + userId), clock);
  private final UUID alice = user("alice");
  private final UUID bob = user("bob");

  private UUID user(String name) {
    UUID id = UUID.randomUUID();
    store.accounts().insertAccount(new StoredAccount(id, name, "hash", Instant.EPOCH));
    return id;
  }

  private static void assertRefused(ThrowingCallable call, Class<? extends ServiceException> type,
      String code) {
    assertThatThrownBy(call).isInstanceOfSatisfying(type,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  private Movie addMagnet(UUID owner, int hash, String name) {
    return library.addMagnet(owner, magnet(infoHash(hash), name), MovieDetails.none());
  }

  private Movie addTorrent(UUID owner, int hash, List<MovieFile> files) {
    byte[] torrent = inspector.torrentFile(infoHash(hash), "Some.Movie.2019", files);
    return library.addTorrentFile(owner, torrent, MovieDetails.none());
  }

  @Test
  void aMagnetAddsAMovieNamedAfterItWithoutFiles() {
    Movie movie = addMagnet(alice, 1, "Night of the Living Dead");

    assertThat(movie.title()).isEqualTo("Night of the Living Dead");
    assertThat(movie.infoHash()).isEqualTo(infoHash(1));
    assertThat(movie.magnetUri()).contains(infoHash(1)).contains("tr=");
    assertThat(movie.files()).isEmpty();
    assertThat(movie.fileIndex()).isNull();
    assertThat(movie.hasTorrentFile()).isFalse();
    assertThat(movie.addedAt()).isEqualTo(clock.instant());
    assertThat(library.movie(alice, movie.id())).isEqualTo(movie);
  }

  @Test
  void aTorrentFileIsKeptAndItsLargestVideoFileIsChosen() {
    List<MovieFile> files = List.of(new MovieFile("Movie/sample.mkv", 50_000_000),
        new MovieFile("Movie/extras.zip", 9_000_000_000L),
        new MovieFile("Movie/Movie.MP4", 4_000_000_000L),
        new MovieFile("Movie/trailer.mp4", 90_000_000));
    byte[] torrent = inspector.torrentFile(infoHash(2), "Movie", files);

    Movie movie = library.addTorrentFile(alice, torrent, MovieDetails.none());

    assertThat(movie.files()).isEqualTo(files);
    assertThat(movie.fileIndex()).isEqualTo(2);
    assertThat(movie.hasTorrentFile()).isTrue();
    assertThat(library.torrentFile(alice, movie.id())).hasValueSatisfying(
        bytes -> assertThat(bytes).isEqualTo(torrent));
  }

  @Test
  void withoutVideoFilesTheLargestFileIsChosen() {
    Movie movie = addTorrent(alice, 3, List.of(new MovieFile("a.iso", 5),
        new MovieFile("b.iso", 7), new MovieFile("c.txt", 1)));

    assertThat(movie.fileIndex()).isEqualTo(1);
  }

  @Test
  void givenDetailsAreValidatedAndNormalized() {
    Movie movie = library.addMagnet(alice, magnet(infoHash(4), "x"), new MovieDetails(
        "  Alien  ", " In space no one can hear you scream.\n", 1979,
        List.of("Sci  Fi", "HORROR", "sci fi")));

    assertThat(movie.title()).isEqualTo("Alien");
    assertThat(movie.description()).isEqualTo("In space no one can hear you scream.");
    assertThat(movie.year()).isEqualTo(1979);
    assertThat(movie.tags()).containsExactly("horror", "sci fi");
  }

  @Test
  void aNamelessMagnetIsTitledByItsInfoHashAndControlCharactersInNamesAreReplaced() {
    Movie nameless = library.addMagnet(alice, "magnet:?xt=urn:btih:" + infoHash(5),
        MovieDetails.none());
    Movie odd = addMagnet(alice, 6, "bad\u0007name" + "x".repeat(300));

    assertThat(nameless.title()).isEqualTo(infoHash(5));
    assertThat(odd.title()).startsWith("bad name").hasSize(LibraryLimits.MAX_TITLE_LENGTH);
  }

  @Test
  void detailsOutsideTheLimitsAreRefusedAndNothingIsAdded() {
    assertRefused(() -> add(new MovieDetails(" ", null, null, null)), InvalidInputException.class,
        "invalid_title");
    assertRefused(() -> add(new MovieDetails("t".repeat(201), null, null, null)),
        InvalidInputException.class, "invalid_title");
    assertRefused(() -> add(new MovieDetails("bell\u0007", null, null, null)),
        InvalidInputException.class, "invalid_title");
    assertRefused(() -> add(new MovieDetails(null, "d".repeat(4001), null, null)),
        InvalidInputException.class, "invalid_description");
    assertRefused(() -> add(new MovieDetails(null, "nul\0", null, null)),
        InvalidInputException.class, "invalid_description");
    assertRefused(() -> add(new MovieDetails(null, null, 1869, null)),
        InvalidInputException.class, "invalid_year");
    assertRefused(() -> add(new MovieDetails(null, null, 2101, null)),
        InvalidInputException.class, "invalid_year");
    assertRefused(() -> add(new MovieDetails(null, null, null, List.of("t".repeat(33)))),
        InvalidInputException.class, "invalid_tag");
    assertRefused(() -> add(new MovieDetails(null, null, null, List.of(""))),
        InvalidInputException.class, "invalid_tag");
    List<String> tooMany = java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
    assertRefused(() -> add(new MovieDetails(null, null, null, tooMany)),
        InvalidInputException.class, "invalid_tags");

    assertThat(library.search(alice, MovieQuery.all()).totalItems()).isZero();
  }

  private Movie add(MovieDetails details) {
    return library.addMagnet(alice, magnet(infoHash(7), "x"), details);
  }

  @Test
  void brokenOrOversizedTorrentsAndMagnetsAreRefused() {
    assertRefused(() -> library.addTorrentFile(alice, "d4:infoi1e".getBytes(), null),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.addTorrentFile(alice, new byte[0], null),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.addTorrentFile(alice,
        new byte[LibraryLimits.MAX_TORRENT_FILE_BYTES + 1], null),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.addMagnet(alice, "http://example.com/x.torrent", null),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.addMagnet(alice, "magnet:?xt=urn:btih:nothex", null),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.addMagnet(alice,
        "magnet:?xt=urn:btih:" + infoHash(1) + "&dn=" + "x".repeat(70_000), null),
        InvalidTorrentException.class, "invalid_torrent");

    assertThat(library.search(alice, MovieQuery.all()).totalItems()).isZero();
  }

  @Test
  void theSameInfoHashTwiceInOneLibraryIsAConflictAndTheFirstEntryStays() {
    Movie first = addMagnet(alice, 8, "Original");
    library.update(alice, first.id(), MovieUpdate.builder().tags(List.of("mine")).build());

    assertRefused(() -> addMagnet(alice, 8, "Copy"), ConflictException.class, "duplicate_movie");
    assertRefused(() -> addTorrent(alice, 8, List.of(new MovieFile("a.mkv", 1))),
        ConflictException.class, "duplicate_movie");

    Page<Movie> all = library.search(alice, MovieQuery.all());
    assertThat(all.totalItems()).isEqualTo(1);
    assertThat(all.items().get(0).title()).isEqualTo("Original");
    assertThat(all.items().get(0).tags()).containsExactly("mine");
    assertThat(addMagnet(bob, 8, "Bob's copy").infoHash()).isEqualTo(infoHash(8));
  }

  @Test
  void anUpdateChangesOnlyTheFieldsItSets() {
    Movie movie = library.addMagnet(alice, magnet(infoHash(9), "x"),
        new MovieDetails("Title", "Description", 2000, List.of("a")));
    clock.advance(Duration.ofSeconds(3));

    Movie updated = library.update(alice, movie.id(),
        MovieUpdate.builder().title("New title").clearYear().build());

    assertThat(updated.title()).isEqualTo("New title");
    assertThat(updated.year()).isNull();
    assertThat(updated.description()).isEqualTo("Description");
    assertThat(updated.tags()).containsExactly("a");
    assertThat(updated.updatedAt()).isEqualTo(movie.addedAt().plusSeconds(3));

    Movie cleared = library.update(alice, movie.id(),
        MovieUpdate.builder().description("").tags(List.of()).year(1999).build());
    assertThat(cleared.description()).isEmpty();
    assertThat(cleared.tags()).isEmpty();
    assertThat(cleared.year()).isEqualTo(1999);
    assertThat(cleared.title()).isEqualTo("New title");
  }

  @Test
  void aMagnetMovieLearnsItsFilesFromAnAttachedTorrentFile() {
    Movie movie = library.addMagnet(alice, magnet(infoHash(30), "x"),
        new MovieDetails("My title", "notes", 2001, List.of("t")));
    byte[] torrent = inspector.torrentFile(infoHash(30), "X", List.of(
        new MovieFile("X/sample.mkv", 5), new MovieFile("X/x.mkv", 50)));
    clock.advance(Duration.ofSeconds(4));

    Movie attached = library.attachTorrentFile(alice, movie.id(), torrent);

    assertThat(attached.files()).hasSize(2);
    assertThat(attached.fileIndex()).isEqualTo(1);
    assertThat(attached.hasTorrentFile()).isTrue();
    assertThat(attached.title()).isEqualTo("My title");
    assertThat(attached.tags()).containsExactly("t");
    assertThat(attached.updatedAt()).isEqualTo(movie.addedAt().plusSeconds(4));
    assertThat(library.roomMedia(alice, movie.id()).fileLength()).isEqualTo(50L);
  }

  @Test
  void onlyTheOwnerAttachesOnlyTheTorrentOfTheSameInfoHash() {
    Movie movie = addMagnet(alice, 31, "x");
    byte[] other = inspector.torrentFile(infoHash(32), "Other", List.of(new MovieFile("o", 1)));
    byte[] same = inspector.torrentFile(infoHash(31), "X", List.of(new MovieFile("x.mkv", 1)));

    assertRefused(() -> library.attachTorrentFile(alice, movie.id(), other),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.attachTorrentFile(alice, movie.id(), "garbage".getBytes()),
        InvalidTorrentException.class, "invalid_torrent");
    assertRefused(() -> library.attachTorrentFile(bob, movie.id(), same),
        NotFoundException.class, "movie_not_found");

    assertThat(library.movie(alice, movie.id())).isEqualTo(movie);
  }

  @Test
  void theFileToPlayMustExist() {
    Movie withFiles = addTorrent(alice, 10, List.of(new MovieFile("a.mkv", 1),
        new MovieFile("b.mkv", 2)));
    Movie magnet = addMagnet(alice, 11, "m");

    assertThat(library.update(alice, withFiles.id(), MovieUpdate.builder().fileIndex(0).build())
        .fileIndex()).isZero();
    assertRefused(() -> library.update(alice, withFiles.id(),
        MovieUpdate.builder().fileIndex(2).build()), InvalidInputException.class,
        "invalid_file_index");
    assertRefused(() -> library.update(alice, magnet.id(),
        MovieUpdate.builder().fileIndex(0).build()), InvalidInputException.class,
        "invalid_file_index");
    assertThat(library.movie(alice, withFiles.id()).fileIndex()).isZero();
  }

  @Test
  void anotherUsersMovieIsInvisibleAndUntouchable() {
    Movie movie = library.addMagnet(alice, magnet(infoHash(12), "x"),
        new MovieDetails("Private", "secret notes", null, List.of("t")));
    library.addComment(alice, movie.id(), "my comment");
    UUID commentId = library.comments(alice, movie.id(), 0, 10).items().get(0).id();

    List<ThrowingCallable> attempts = List.of(
        () -> library.movie(bob, movie.id()),
        () -> library.torrentFile(bob, movie.id()),
        () -> library.update(bob, movie.id(), MovieUpdate.builder().title("pwned").build()),
        () -> library.delete(bob, movie.id()),
        () -> library.rate(bob, movie.id(), 1),
        () -> library.ratings(bob, movie.id()),
        () -> library.comments(bob, movie.id(), 0, 10),
        () -> library.addComment(bob, movie.id(), "spam"),
        () -> library.editComment(bob, movie.id(), commentId, "pwned"),
        () -> library.deleteComment(bob, movie.id(), commentId),
        () -> library.roomMedia(bob, movie.id()));
    for (ThrowingCallable attempt : attempts) {
      assertRefused(attempt, NotFoundException.class, "movie_not_found");
    }

    assertThat(library.search(bob, MovieQuery.all()).items()).isEmpty();
    Movie unchanged = library.movie(alice, movie.id());
    assertThat(unchanged).isEqualTo(movie);
    assertThat(library.comments(alice, movie.id(), 0, 10).items())
        .extracting(Comment::text).containsExactly("my comment");
  }

  @Test
  void usersAMovieIsSharedWithMayCommentAndRateButNotSeeOrChangeDetails() {
    Movie movie = addMagnet(alice, 13, "Shared");
    shared.add(movie.id() + "/" + bob);

    Comment bobs = library.addComment(bob, movie.id(), "great pick");
    library.rate(bob, movie.id(), 6);
    RatingSummary summary = library.rate(alice, movie.id(), 9);

    assertThat(bobs.authorName()).isEqualTo("bob");
    assertThat(summary.yourRating()).isEqualTo(9);
    assertThat(summary.average()).isCloseTo(7.5, within(1e-9));
    assertThat(library.comments(bob, movie.id(), 0, 10).items()).containsExactly(bobs);
    assertRefused(() -> library.movie(bob, movie.id()), NotFoundException.class,
        "movie_not_found");
    assertRefused(() -> library.update(bob, movie.id(), MovieUpdate.builder().title("x").build()),
        NotFoundException.class, "movie_not_found");
    assertRefused(() -> library.roomMedia(bob, movie.id()), NotFoundException.class,
        "movie_not_found");
  }

  @Test
  void onlyTheAuthorEditsOrDeletesAComment() {
    Movie movie = addMagnet(alice, 14, "Shared");
    shared.add(movie.id() + "/" + bob);
    Comment bobs = library.addComment(bob, movie.id(), "first!");
    clock.advance(Duration.ofSeconds(2));

    assertRefused(() -> library.editComment(alice, movie.id(), bobs.id(), "censored"),
        AccessDeniedException.class, "not_comment_author");
    assertRefused(() -> library.deleteComment(alice, movie.id(), bobs.id()),
        AccessDeniedException.class, "not_comment_author");
    assertThat(library.comments(alice, movie.id(), 0, 10).items()).containsExactly(bobs);

    Comment edited = library.editComment(bob, movie.id(), bobs.id(), "second!");
    assertThat(edited.text()).isEqualTo("second!");
    assertThat(edited.editedAt()).isEqualTo(bobs.createdAt().plusSeconds(2));
    library.deleteComment(bob, movie.id(), bobs.id());
    assertThat(library.comments(alice, movie.id(), 0, 10).items()).isEmpty();
  }

  @Test
  void aCommentOnAnotherMovieIsNotFoundThroughThisOne() {
    Movie one = addMagnet(alice, 15, "one");
    Movie two = addMagnet(alice, 16, "two");
    Comment onTwo = library.addComment(alice, two.id(), "about two");

    assertRefused(() -> library.editComment(alice, one.id(), onTwo.id(), "x"),
        NotFoundException.class, "comment_not_found");
    assertRefused(() -> library.deleteComment(alice, one.id(), UUID.randomUUID()),
        NotFoundException.class, "comment_not_found");
  }

  @Test
  void commentsAndRatingsOutsideTheLimitsAreRefused() {
    Movie movie = addMagnet(alice, 17, "m");

    assertRefused(() -> library.addComment(alice, movie.id(), "  "), InvalidInputException.class,
        "invalid_comment");
    assertRefused(() -> library.addComment(alice, movie.id(), "c".repeat(2001)),
        InvalidInputException.class, "invalid_comment");
    assertRefused(() -> library.rate(alice, movie.id(), 0), InvalidInputException.class,
        "invalid_rating");
    assertRefused(() -> library.rate(alice, movie.id(), 11), InvalidInputException.class,
        "invalid_rating");
    assertRefused(() -> library.comments(alice, movie.id(), 0, 101),
        InvalidInputException.class, "invalid_page");

    assertThat(library.ratings(alice, movie.id())).isEqualTo(new RatingSummary(null, null, 0));
    assertThat(library.comments(alice, movie.id(), 0, 100).totalItems()).isZero();
  }

  @Test
  void queriesOutsideTheLimitsAreRefused() {
    assertRefused(() -> new MovieQuery(null, null, MovieSort.TITLE, -1, 10),
        InvalidInputException.class, "invalid_page");
    assertRefused(() -> new MovieQuery(null, null, MovieSort.TITLE, 0, 0),
        InvalidInputException.class, "invalid_page");
    assertRefused(() -> new MovieQuery("s".repeat(201), null, MovieSort.TITLE, 0, 10),
        InvalidInputException.class, "invalid_search");
    assertRefused(() -> new MovieQuery("a\nb", null, MovieSort.TITLE, 0, 10),
        InvalidInputException.class, "invalid_search");
    assertThat(new MovieQuery("  ", " HORROR ", MovieSort.TITLE, 0, 10))
        .isEqualTo(new MovieQuery(null, "horror", MovieSort.TITLE, 0, 10));
  }

  @Test
  void roomMediaCarriesWhatMembersNeedAndNothingPrivate() {
    Movie movie = addTorrent(alice, 18, List.of(new MovieFile("x/sample.mkv", 10),
        new MovieFile("x/movie.mkv", 1234)));
    library.update(alice, movie.id(), MovieUpdate.builder().title("Movie night")
        .description("my private notes").tags(List.of("private")).build());
    library.rate(alice, movie.id(), 3);
    library.addComment(alice, movie.id(), "private comment");

    RoomMedia media = library.roomMedia(alice, movie.id());

    assertThat(media).isEqualTo(new RoomMedia(movie.id(), infoHash(18), movie.magnetUri(), 1,
        1234L, "Movie night"));
    assertThat(Arrays.stream(RoomMedia.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly("movieId", "infoHash", "magnetUri", "fileIndex", "fileLength", "title");
    Movie magnetOnly = addMagnet(alice, 19, "Magnet only");
    assertThat(library.roomMedia(alice, magnetOnly.id())).isEqualTo(new RoomMedia(
        magnetOnly.id(), infoHash(19), magnetOnly.magnetUri(), null, null, "Magnet only"));
  }

  @Test
  void roomMediaMagnetsArePrintableAsciiWithinTheProtocolLimit() {
    StringBuilder magnet = new StringBuilder("magnet:?xt=urn:btih:" + infoHash(21) + "&dn=Amélie");
    for (int i = 0; i < 50; i++) {
      magnet.append("&tr=udp://tracker-").append(i).append(".example/").append("p".repeat(400));
    }
    Movie movie = library.addMagnet(alice, magnet.toString(), MovieDetails.none());

    String roomMagnet = library.roomMedia(alice, movie.id()).magnetUri();

    assertThat(roomMagnet).hasSizeLessThanOrEqualTo(RoomMedia.MAX_MAGNET_LENGTH)
        .startsWith("magnet:?xt=urn:btih:" + infoHash(21) + "&dn=Am%C3%A9lie&tr=udp://tracker-0.")
        .matches("[\\x21-\\x7e]+");
    assertThat(movie.magnetUri()).isEqualTo(magnet.toString());
  }

  @Test
  void deletingAMovieRemovesItFromSearch() {
    Movie movie = addMagnet(alice, 20, "Gone");

    library.delete(alice, movie.id());

    assertRefused(() -> library.movie(alice, movie.id()), NotFoundException.class,
        "movie_not_found");
    assertRefused(() -> library.delete(alice, movie.id()), NotFoundException.class,
        "movie_not_found");
    assertThat(library.search(alice, MovieQuery.all()).totalItems()).isZero();
  }
}
