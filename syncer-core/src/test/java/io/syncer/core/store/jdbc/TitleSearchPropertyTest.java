package io.syncer.core.store.jdbc;

import static io.syncer.core.testing.FakeTorrentInspector.infoHash;
import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.account.StoredAccount;
import io.syncer.core.library.Movie;
import io.syncer.core.library.MovieEntry;
import io.syncer.core.library.MovieQuery;
import io.syncer.core.library.MovieSort;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The database's title search (LIKE with escaped wildcards over a lower-cased key) finds exactly
 * the titles that contain the search text ignoring case, whatever characters either holds.
 */
class TitleSearchPropertyTest {

  private static JdbcSyncerStore store;
  private static final AtomicInteger HASHES = new AtomicInteger();

  @BeforeContainer
  static void open() {
    store = JdbcSyncerStore.open(JdbcSettings.of(
        "jdbc:h2:mem:title-search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null));
  }

  @AfterContainer
  static void close() {
    store.close();
  }

  @Property(tries = 60)
  void searchMatchesExactlyTheTitlesContainingTheText(
      @ForAll @Size(min = 1, max = 6) List<@NotBlank @StringLength(max = 12)
          @Chars({'a', 'B', 'c', '%', '_', '!', '\\', '\'', '"', ';', '-', ' ', 'é', 'É', '月'})
          String> titles,
      @ForAll @NotBlank @StringLength(max = 3)
          @Chars({'a', 'b', 'C', '%', '_', '!', '\\', '\'', 'é', 'É'}) String text) {
    StoredAccount owner = new StoredAccount(UUID.randomUUID(), "u" + HASHES.incrementAndGet(),
        "hash", Instant.EPOCH);
    store.accounts().insertAccount(owner);
    for (String title : titles) {
      store.library().insertMovie(new MovieEntry(UUID.randomUUID(), owner.id(), title.strip(), "",
          null, infoHash(HASHES.incrementAndGet()), "magnet:?x", null, List.of(), null,
          List.of(), Instant.EPOCH));
    }
    MovieQuery query = new MovieQuery(text, null, MovieSort.TITLE, 0, 10);

    List<String> found = store.library().searchMovies(owner.id(), query).items().stream()
        .map(Movie::title).toList();

    String needle = query.text().toLowerCase(Locale.ROOT);
    List<String> expected = titles.stream().map(String::strip)
        .filter(t -> t.toLowerCase(Locale.ROOT).contains(needle)).toList();
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
  }
}
