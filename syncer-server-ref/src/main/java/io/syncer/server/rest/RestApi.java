package io.syncer.server.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncer.core.account.AccountService;
import io.syncer.core.library.LibraryService;
import java.time.Clock;
import java.util.Objects;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * Syncer's REST API ({@code /api/v1}: accounts, sessions, movies, ratings, comments) as a Grizzly
 * {@link HttpHandler}, to be mounted on the same {@link HttpServer} as the WebSocket endpoint. The
 * API is specified in {@code docs/protocol/REST.md} and {@code docs/protocol/openapi.yaml}.
 *
 * <p>Every call except registration and log-in needs {@code Authorization: Bearer <access token>}
 * and only ever reaches the caller's own library. Errors are JSON {@code {"code", "message"}} with
 * the matching status; bodies are limited in size (JSON {@value #DEFAULT_MAX_JSON_BYTES} bytes by
 * default, .torrent files {@link io.syncer.core.library.LibraryLimits#MAX_TORRENT_FILE_BYTES}).
 *
 * <p>Requests block (password hashing, database calls), so the server must run handlers on
 * worker threads: Grizzly's default; do not switch the listener to a same-thread I/O strategy.
 *
 * <p>Thread-safety: safe for concurrent use once built; the handler is stateless.
 */
public final class RestApi {

  /** Path prefix of every resource. */
  public static final String CONTEXT_PATH = "/api/v1";
  public static final int DEFAULT_MAX_JSON_BYTES = 64 * 1024;

  private final ApiHandler handler;

  /**
   * @param accounts registration, log-in and token checks
   * @param library the movie libraries
   * @param clock wall clock for {@code expiresIn} in token responses
   */
  public RestApi(AccountService accounts, LibraryService library, Clock clock) {
    this(accounts, library, clock, DEFAULT_MAX_JSON_BYTES);
  }

  /** As above, with a different limit for JSON request bodies. */
  public RestApi(AccountService accounts, LibraryService library, Clock clock, int maxJsonBytes) {
    if (maxJsonBytes < 1024) {
      throw new IllegalArgumentException("maxJsonBytes must be at least 1024");
    }
    ObjectMapper mapper = objectMapper(maxJsonBytes);
    this.handler = new ApiHandler(Objects.requireNonNull(accounts, "accounts"),
        Objects.requireNonNull(library, "library"), mapper,
        new Views(mapper, Objects.requireNonNull(clock, "clock")), maxJsonBytes);
  }

  /** Mounts the API under {@link #CONTEXT_PATH} on {@code server}, before or after it starts. */
  public void register(HttpServer server) {
    server.getServerConfiguration().addHttpHandler(handler, CONTEXT_PATH);
  }

  /** The handler, for mounting it some other way; it expects paths under {@link #CONTEXT_PATH}. */
  public HttpHandler httpHandler() {
    return handler;
  }

  private static ObjectMapper objectMapper(int maxJsonBytes) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(16)
            .maxStringLength(maxJsonBytes)
            .maxNumberLength(32)
            .build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    return new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }
}
