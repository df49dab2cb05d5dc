package io.syncer.server.storage;

import io.syncer.core.account.AccountService;
import io.syncer.core.account.AuthenticatedUser;
import io.syncer.core.account.SigningKeyProvider;
import io.syncer.core.account.TokenVerifier;
import io.syncer.core.error.AuthenticationException;
import io.syncer.core.error.StorageException;
import io.syncer.core.library.LibraryService;
import io.syncer.core.library.MovieSharing;
import io.syncer.core.library.TorrentInspector;
import io.syncer.core.room.Authenticator;
import io.syncer.core.room.Principal;
import io.syncer.core.store.SyncerStore;
import io.syncer.core.store.jdbc.JdbcSettings;
import io.syncer.core.store.jdbc.JdbcSyncerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server's persistent state, opened from {@link StorageOptions}: the database
 * (embedded H2 or the operator's, schema migrated on open), the token signing key, and the
 * account and library services on top.
 *
 * <p>Thread-safety: safe for concurrent use; {@link #close()} once, at shutdown, after the HTTP
 * server stopped.
 */
public final class ServerStorage implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServerStorage.class);

  private final SyncerStore store;
  private final AccountService accounts;
  private final LibraryService library;

  private ServerStorage(SyncerStore store, AccountService accounts, LibraryService library) {
    this.store = store;
    this.accounts = accounts;
    this.library = library;
  }

  /**
   * Opens the database and builds the services.
   *
   * @param options where the data lives
   * @param torrents parses magnet links and .torrent files for the library
   * @param sharing who besides owners may comment on and rate a movie
   * @param clock wall clock for tokens and timestamps
   * @throws StorageException when the database cannot be opened or migrated
   * @throws IllegalStateException when the data directory or key file is unusable
   * @throws IllegalArgumentException when the given signing key is malformed or short
   */
  public static ServerStorage open(StorageOptions options, TorrentInspector torrents,
      MovieSharing sharing, Clock clock) {
    try {
      Files.createDirectories(options.dataDirectory());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the data directory "
          + options.dataDirectory().toAbsolutePath(), e);
    }
    SigningKeyProvider keys = options.signingKeyBase64() == null
        ? SigningKeyProvider.inDirectory(options.dataDirectory())
        : SigningKeyProvider.ofBase64(options.signingKeyBase64());
    JdbcSettings settings = options.embeddedDatabase()
        ? JdbcSettings.h2(options.dataDirectory())
        : new JdbcSettings(options.databaseUrl(), options.databaseUser(),
            options.databasePassword(), options.databaseSchema(), JdbcSettings.DEFAULT_POOL_SIZE);
    LOG.info("opening storage: {}", options);
    SyncerStore store = JdbcSyncerStore.open(settings);
    AccountService accounts = AccountService.builder(store.accounts(), keys).clock(clock).build();
    return new ServerStorage(store, accounts, new LibraryService(store.library(), torrents,
        sharing, clock));
  }

  /** Registration, log-in and sessions. */
  public AccountService accounts() {
    return accounts;
  }

  /** Checks access tokens, for the REST API and the WebSocket {@code hello}. */
  public TokenVerifier tokenVerifier() {
    return accounts;
  }

  /**
   * Admits a room connection whose {@code hello.token} is a valid access token, as the account
   * behind it (id and username); refuses connections without a token or with an invalid one, so
   * creating and joining rooms needs an account. For {@code RoomServer.Builder}.
   */
  public Authenticator roomAuthenticator() {
    return (token, requestedName) -> {
      if (token.isEmpty()) {
        return Optional.empty();
      }
      try {
        AuthenticatedUser user = accounts.verify(token.get());
        return Optional.of(new Principal(Optional.of(user.userId().toString()),
            Optional.of(user.username())));
      } catch (AuthenticationException e) {
        LOG.info("room connection refused: {}", e.code());
        return Optional.empty();
      } catch (StorageException e) {
        LOG.warn("room connection refused: the session store is unavailable");
        return Optional.empty();
      }
    };
  }

  /** The movie libraries. */
  public LibraryService library() {
    return library;
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    store.close();
  }
}
