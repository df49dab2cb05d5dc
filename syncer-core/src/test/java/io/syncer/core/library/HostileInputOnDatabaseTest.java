package io.syncer.core.library;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static io.syncer.core.testing.FakeTorrentInspector.magnet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.core.account.AccountService;
import io.syncer.core.error.AuthenticationException;
import io.syncer.core.error.InvalidInputException;
import io.syncer.core.store.jdbc.JdbcSettings;
import io.syncer.core.store.jdbc.JdbcSyncerStore;
import io.syncer.core.testing.FakeTorrentInspector;
import io.syncer.core.testing.MutableClock;
import io.syncer.core.testing.TestAccounts;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL metacharacters and oversized values through the services into a real database: stored
 * verbatim where the field allows them, refused where it does not, and never able to reach
 * another user's data.
 */
class HostileInputOnDatabaseTest {

  private static final String SQL = "x'); DELETE FROM movies; DROP TABLE accounts; -- %_\\";
  private static final String TAG = "'; drop table movie_tags; --";
  private static final String PASSWORD = "correct horse battery";

  @TempDir Path dataDirectory;
  private JdbcSyncerStore store;
  private AccountService accounts;
  private LibraryService library;
  private UUID alice;
  private Movie bystander;

  @BeforeEach
  void open() {
    store = JdbcSyncerStore.open(JdbcSettings.h2(dataDirectory));
    MutableClock clock = MutableClock.atNewYear2026();
    accounts = TestAccounts.service(store.accounts(), clock);
    library = new LibraryService(store.library(), new FakeTorrentInspector(),
        MovieSharing.none(), clock);
    alice = accounts.register("alice", PASSWORD).id();
    UUID bob = accounts.register("bob", PASSWORD).id();
    bystander = library.addMagnet(bob, magnet(infoHash(1), "Bob's movie"),
        new MovieDetails(null, "private", 1999, List.of("bob")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void metacharactersInEveryLibraryTextFieldAreStoredVerbatim() {
    Movie movie = library.addMagnet(alice, magnet(infoHash(2), SQL),
        new MovieDetails(null, SQL, null, List.of(TAG)));
    Comment comment = library.addComment(alice, movie.id(), SQL);
    Movie renamed = library.update(alice, movie.id(), MovieUpdate.builder().title(SQL + "!")
        .build());

    assertThat(movie.title()).isEqualTo(SQL);
    assertThat(renamed.title()).isEqualTo(SQL + "!");
    assertThat(renamed.description()).isEqualTo(SQL);
    assertThat(renamed.tags()).containsExactly(TAG);
    assertThat(comment.text()).isEqualTo(SQL);
    assertThat(library.search(alice, new MovieQuery("delete from movies; drop", TAG,
        MovieSort.TITLE, 0, 10)).items()).extracting(Movie::id).containsExactly(movie.id());
    assertThat(library.search(alice, new MovieQuery("' OR '1'='1", null, MovieSort.TITLE, 0, 10))
        .items()).isEmpty();
    assertBystanderUntouched();
  }

  @Test
  void metacharactersInCredentialsAreRefused() {
    assertThatThrownBy(() -> accounts.register("x' OR '1'='1", PASSWORD))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> accounts.logIn("bob' --", PASSWORD))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> accounts.logIn("bob", "' OR '1'='1"))
        .isInstanceOf(AuthenticationException.class);

    assertThat(accounts.logIn("bob", PASSWORD).account().username()).isEqualTo("bob");
    assertBystanderUntouched();
  }

  @Test
  void oversizedValuesAreRefusedAndChangeNothing() {
    Movie movie = library.addMagnet(alice, magnet(infoHash(3), "Mine"), MovieDetails.none());

    assertThatThrownBy(() -> library.update(alice, movie.id(),
        MovieUpdate.builder().title("t".repeat(100_000)).build()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> library.update(alice, movie.id(),
        MovieUpdate.builder().description("d".repeat(100_000)).build()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> library.addComment(alice, movie.id(), "c".repeat(100_000)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> accounts.register("u".repeat(100_000), PASSWORD))
        .isInstanceOf(InvalidInputException.class);

    assertThat(library.movie(alice, movie.id())).isEqualTo(movie);
    assertThat(library.comments(alice, movie.id(), 0, 10).totalItems()).isZero();
    assertBystanderUntouched();
  }

  private void assertBystanderUntouched() {
    assertThat(library.movie(bystander.ownerId(), bystander.id())).isEqualTo(bystander);
  }
}
