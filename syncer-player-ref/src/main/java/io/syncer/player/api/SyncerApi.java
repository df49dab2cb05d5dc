package io.syncer.player.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a Syncer server's REST API ({@code docs/protocol/REST.md}): accounts, log-in and
 * the user's movie library, plus the server's WebSocket address for rooms.
 *
 * <p>After {@link #logIn}, {@link #register} or {@link #resume}, calls carry the access token; an
 * expired one is renewed once with the refresh token and the call repeated, and the new tokens
 * go to the {@link #onTokens} consumer (to be remembered). Tokens and passwords are never logged.
 *
 * <p>Every method blocks for one or two HTTP round trips: call it off the UI thread.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class SyncerApi {

  private static final Logger log = LoggerFactory.getLogger(SyncerApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String JSON_TYPE = "application/json";
  private static final String TORRENT_TYPE = "application/x-bittorrent";

  private final URI server;
  private final URI api;
  private final HttpClient http;
  /** An access token closer than this to its expiry is renewed before a room connection uses it. */
  private static final Duration RENEW_AHEAD = Duration.ofMinutes(1);

  private final Duration renewAhead;
  private volatile Tokens tokens;
  /** When the current access token expires, as the server said; null if it did not. */
  private volatile Instant accessTokenExpiresAt;
  private volatile Consumer<Tokens> onTokens = t -> {};

  private SyncerApi(URI server, Duration renewAhead) {
    this.server = server;
    this.renewAhead = renewAhead;
    this.api = server.resolve("/api/v1/");
    // HTTP/1.1: the server answers an h2c upgrade offer by closing the connection.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * A client for the server at {@code address}, as a person types it: {@code
   * http://host:port}, {@code host:port} or {@code host} (port 8470).
   *
   * @throws ApiException ({@code invalid_server}) when it cannot be an address
   */
  public static SyncerApi forServer(String address) throws ApiException {
    return new SyncerApi(serverUri(address), RENEW_AHEAD);
  }

  /** As {@link #forServer}, renewing access tokens this long before they expire (for tests). */
  static SyncerApi forServer(String address, Duration renewAhead) throws ApiException {
    return new SyncerApi(serverUri(address), renewAhead);
  }

  /** The server's base URL, {@code http://host:port}. */
  public URI server() {
    return server;
  }

  /** Where rooms are: the server's WebSocket endpoint. */
  public URI webSocketUri() {
    String scheme = "https".equals(server.getScheme()) ? "wss" : "ws";
    return URI.create(scheme + "://" + server.getRawAuthority() + "/ws/v1");
  }

  /** Receives every new token pair (log-in, renewal), to be remembered between runs. */
  public void onTokens(Consumer<Tokens> consumer) {
    this.onTokens = Objects.requireNonNull(consumer, "consumer");
  }

  /** The current tokens, if logged in. */
  public Optional<Tokens> tokens() {
    return Optional.ofNullable(tokens);
  }

  /** Creates an account and logs in to it. */
  public Tokens register(String username, String password) throws ApiException {
    send("POST", "accounts", credentials(username, password), false);
    return logIn(username, password);
  }

  public Tokens logIn(String username, String password) throws ApiException {
    return accept(send("POST", "sessions", credentials(username, password), false));
  }

  /**
   * The access token for a new room connection's {@code hello}: a room connection may be made
   * (or remade, after a drop) long after the log-in, when the token has expired, so one that
   * expires within a minute is renewed with the refresh token first. Blocks for that renewal.
   */
  public String freshAccessToken() throws ApiException {
    Tokens current = tokens;
    if (current == null) {
      throw new ApiException(401, "missing_token", "Please log in first.");
    }
    Instant expiresAt = accessTokenExpiresAt;
    if (expiresAt != null && !Instant.now().plus(renewAhead).isBefore(expiresAt)) {
      log.info("access token about to expire; renewing it for the room connection");
      return resume(current.refreshToken()).accessToken();
    }
    return current.accessToken();
  }

  /**
   * {@link #freshAccessToken} as a {@code ParticipantSession} token supplier: a renewal that fails
   * is logged and the current token used (the room then answers {@code unauthorized}); null when
   * not logged in.
   */
  public Supplier<String> roomTokens() {
    return () -> {
      try {
        return tokens == null ? null : freshAccessToken();
      } catch (ApiException e) {
        log.warn("could not renew the access token for the room connection: {}", e.code());
        Tokens current = tokens;
        return current == null ? null : current.accessToken();
      }
    };
  }

  /** Logs in again with a remembered refresh token (it is used up; new tokens come back). */
  public Tokens resume(String refreshToken) throws ApiException {
    ObjectNode body = JSON.createObjectNode().put("refreshToken", refreshToken);
    return accept(send("POST", "sessions/refresh", body, false));
  }

  /** Ends the session on the server; the tokens stop working. */
  public void logOut() throws ApiException {
    if (tokens != null) {
      call("DELETE", "sessions", null, null);
      tokens = null;
    }
  }

  /**
   * A page of the library, newest first.
   *
   * @param search text the titles contain, empty for all
   * @param tag only movies with this tag, empty for all
   */
  public MoviePage movies(String search, String tag, int page, int size) throws ApiException {
    StringBuilder path = new StringBuilder("movies?page=").append(page).append("&size=").append(size);
    if (!search.isBlank()) {
      path.append("&q=").append(URLEncoder.encode(search.strip(), StandardCharsets.UTF_8));
    }
    if (!tag.isBlank()) {
      path.append("&tag=").append(URLEncoder.encode(tag.strip(), StandardCharsets.UTF_8));
    }
    JsonNode reply = call("GET", path.toString(), null, null);
    List<LibraryMovie> items = new ArrayList<>();
    reply.path("items").forEach(item -> items.add(movie(item)));
    return new MoviePage(items, reply.path("page").asInt(), reply.path("totalPages").asInt(),
        reply.path("totalItems").asLong());
  }

  public LibraryMovie movie(String id) throws ApiException {
    return movie(call("GET", "movies/" + segment(id), null, null));
  }

  /** Adds a movie by magnet link. */
  public LibraryMovie addMagnet(String magnet) throws ApiException {
    ObjectNode body = JSON.createObjectNode().put("magnet", magnet.strip());
    return movie(call("POST", "movies", JSON_TYPE, bytes(body)));
  }

  /** Adds a movie by its .torrent file. */
  public LibraryMovie addTorrentFile(byte[] torrentFile) throws ApiException {
    return movie(call("POST", "movies", TORRENT_TYPE, torrentFile));
  }

  /** The .torrent file uploaded for a movie. */
  public byte[] torrentFile(String movieId) throws ApiException {
    return callRaw("GET", "movies/" + segment(movieId) + "/torrent", null, null);
  }

  /** Changes the title, description and tags. */
  public LibraryMovie edit(String movieId, String title, String description, List<String> tags)
      throws ApiException {
    ObjectNode body = JSON.createObjectNode().put("title", title).put("description", description);
    ArrayNode tagArray = body.putArray("tags");
    tags.forEach(tagArray::add);
    return movie(call("PATCH", "movies/" + segment(movieId), JSON_TYPE, bytes(body)));
  }

  /** Sets the user's rating, 1..10. */
  public void rate(String movieId, int value) throws ApiException {
    ObjectNode body = JSON.createObjectNode().put("value", value);
    call("PUT", "movies/" + segment(movieId) + "/rating", JSON_TYPE, bytes(body));
  }

  /** The first 100 comments, oldest first. */
  public List<MovieComment> comments(String movieId) throws ApiException {
    JsonNode reply = call("GET", "movies/" + segment(movieId) + "/comments?size=100", null, null);
    List<MovieComment> comments = new ArrayList<>();
    reply.path("items").forEach(item -> comments.add(comment(item)));
    return comments;
  }

  public MovieComment addComment(String movieId, String text) throws ApiException {
    ObjectNode body = JSON.createObjectNode().put("text", text);
    return comment(call("POST", "movies/" + segment(movieId) + "/comments", JSON_TYPE, bytes(body)));
  }

  // ---- HTTP ----

  private Tokens accept(JsonNode reply) throws ApiException {
    JsonNode account = reply.path("account");
    String access = reply.path("accessToken").asText("");
    String refresh = reply.path("refreshToken").asText("");
    if (access.isEmpty() || refresh.isEmpty() || !account.isObject()) {
      throw notSyncer(null);
    }
    Tokens fresh =
        new Tokens(access, refresh, new Account(account.path("id").asText(), account.path("username").asText()));
    accessTokenExpiresAt = instantOrNull(reply.path("accessTokenExpiresAt").asText(""));
    tokens = fresh;
    onTokens.accept(fresh);
    log.info("logged in to {} as {}", server, fresh.account().username());
    return fresh;
  }

  private static Instant instantOrNull(String text) {
    try {
      return text.isEmpty() ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private JsonNode send(String method, String path, ObjectNode body, boolean authorized)
      throws ApiException {
    byte[] reply = exchange(method, path, JSON_TYPE, bytes(body), authorized ? tokens : null);
    return parse(reply);
  }

  private JsonNode call(String method, String path, String contentType, byte[] body) throws ApiException {
    return parse(callRaw(method, path, contentType, body));
  }

  /** An authorized call; an expired access token is renewed once. */
  private byte[] callRaw(String method, String path, String contentType, byte[] body) throws ApiException {
    Tokens current = tokens;
    if (current == null) {
      throw new ApiException(401, "missing_token", "Please log in first.");
    }
    try {
      return exchange(method, path, contentType, body, current);
    } catch (ApiException e) {
      if (e.status() != 401 || !"token_expired".equals(e.code())) {
        throw e;
      }
      log.info("access token expired; renewing it");
      resume(current.refreshToken());
      return exchange(method, path, contentType, body, tokens);
    }
  }

  private byte[] exchange(String method, String path, String contentType, byte[] body, Tokens auth)
      throws ApiException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", JSON_TYPE)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType);
    }
    if (auth != null) {
      request.header("Authorization", "Bearer " + auth.accessToken());
    }
    HttpResponse<byte[]> response;
    try {
      response = http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      log.info("{} {} failed: {}", method, api.resolve(stripQuery(path)), e.toString());
      throw new ApiException(0, ApiException.UNREACHABLE,
          "Cannot reach the server at " + server + ". Check the address and that the server is running.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(0, ApiException.UNREACHABLE, "Interrupted while talking to the server.");
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    JsonNode error = null;
    try {
      error = JSON.readTree(response.body());
    } catch (IOException notJson) {
      // Not one of ours: answered below.
    }
    if (error == null || !error.path("code").isTextual()) {
      log.info("{} {} answered {} without a Syncer error", method, stripQuery(path), status);
      throw notSyncer(status);
    }
    String code = error.path("code").asText();
    log.info("{} {} refused: {} {}", method, stripQuery(path), status, code);
    throw new ApiException(status, code, error.path("message").asText(code));
  }

  private ApiException notSyncer(Integer status) {
    return new ApiException(status == null ? 0 : status, ApiException.UNREACHABLE,
        "The server at " + server + " did not answer like a Syncer server. Check the address.");
  }

  private JsonNode parse(byte[] reply) throws ApiException {
    if (reply.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(reply);
    } catch (IOException e) {
      throw notSyncer(null);
    }
  }

  private static byte[] bytes(JsonNode body) {
    if (body == null) {
      return null;
    }
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static ObjectNode credentials(String username, String password) {
    return JSON.createObjectNode().put("username", username).put("password", password);
  }

  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  private static String stripQuery(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  static URI serverUri(String address) throws ApiException {
    String text = address == null ? "" : address.strip();
    if (text.isEmpty()) {
      throw new ApiException(0, "invalid_server", "Enter the server's address, for example 192.168.1.20:8470.");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
      text = (lower.startsWith("wss") ? "https" : "http") + text.substring(text.indexOf("://"));
    } else if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      text = "http://" + text;
    }
    try {
      URI parsed = new URI(text);
      if (parsed.getHost() == null || parsed.getUserInfo() != null) {
        throw new URISyntaxException(text, "no host");
      }
      int port = parsed.getPort() > 0 ? parsed.getPort() : ("https".equals(parsed.getScheme()) ? 443 : 8470);
      return new URI(parsed.getScheme(), null, parsed.getHost(), port, null, null, null);
    } catch (URISyntaxException e) {
      throw new ApiException(0, "invalid_server",
          "\"" + address.strip() + "\" is not a server address. Type it like 192.168.1.20:8470.");
    }
  }

  private static LibraryMovie movie(JsonNode node) {
    List<LibraryMovie.MovieFile> files = new ArrayList<>();
    node.path("files").forEach(f -> files.add(
        new LibraryMovie.MovieFile(f.path("index").asInt(), f.path("path").asText(), f.path("length").asLong())));
    List<String> tags = new ArrayList<>();
    node.path("tags").forEach(t -> tags.add(t.asText()));
    JsonNode rating = node.path("rating");
    return new LibraryMovie(
        node.path("id").asText(),
        node.path("title").asText(),
        node.path("description").asText(""),
        node.path("infoHash").asText(),
        node.path("magnet").asText(),
        node.path("hasTorrentFile").asBoolean(),
        files,
        node.path("fileIndex").isInt() ? OptionalInt.of(node.path("fileIndex").asInt()) : OptionalInt.empty(),
        tags,
        rating.path("mine").isInt() ? OptionalInt.of(rating.path("mine").asInt()) : OptionalInt.empty(),
        rating.path("average").isNumber()
            ? OptionalDouble.of(rating.path("average").asDouble()) : OptionalDouble.empty(),
        rating.path("count").asInt());
  }

  private static MovieComment comment(JsonNode node) {
    Instant created;
    try {
      created = Instant.parse(node.path("createdAt").asText());
    } catch (DateTimeParseException e) {
      created = Instant.EPOCH;
    }
    return new MovieComment(node.path("id").asText(), node.path("author").path("username").asText(),
        node.path("text").asText(), created);
  }
}
