package io.syncer.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncer.core.account.AccountService;
import io.syncer.core.account.AuthenticatedUser;
import io.syncer.core.error.AuthenticationException;
import io.syncer.core.error.ServiceException;
import io.syncer.core.library.LibraryLimits;
import io.syncer.core.library.LibraryService;
import io.syncer.core.library.MovieDetails;
import io.syncer.core.library.MovieQuery;
import io.syncer.core.library.MovieSort;
import io.syncer.core.library.MovieUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /api/v1/...} requests to the account and library services, authenticates them and
 * turns every refusal into a JSON error body with the right status. Runs on Grizzly's worker
 * threads (password hashing and database calls block).
 */
final class ApiHandler extends HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  @FunctionalInterface
  private interface Action {
    void handle(Exchange exchange) throws Exception;
  }

  private record Route(String method, String[] segments, boolean needsUser, Action action) {}

  private final AccountService accounts;
  private final LibraryService library;
  private final ObjectMapper mapper;
  private final Views views;
  private final int maxJsonBytes;
  private final List<Route> routes = new ArrayList<>();

  ApiHandler(AccountService accounts, LibraryService library, ObjectMapper mapper, Views views,
      int maxJsonBytes) {
    super("syncer-rest-api");
    this.accounts = accounts;
    this.library = library;
    this.mapper = mapper;
    this.views = views;
    this.maxJsonBytes = maxJsonBytes;
    open("POST", "/accounts", this::register);
    user("GET", "/accounts/me", this::me);
    user("PUT", "/accounts/me/password", this::changePassword);
    open("POST", "/sessions", this::logIn);
    open("POST", "/sessions/refresh", this::refresh);
    user("DELETE", "/sessions", this::logOut);
    user("GET", "/movies", this::searchMovies);
    user("POST", "/movies", this::addMovie);
    user("GET", "/movies/{movieId}", this::getMovie);
    user("PATCH", "/movies/{movieId}", this::updateMovie);
    user("DELETE", "/movies/{movieId}", this::deleteMovie);
    user("GET", "/movies/{movieId}/torrent", this::getTorrent);
    user("PUT", "/movies/{movieId}/torrent", this::attachTorrent);
    user("GET", "/movies/{movieId}/rating", this::getRating);
    user("PUT", "/movies/{movieId}/rating", this::rate);
    user("GET", "/movies/{movieId}/comments", this::listComments);
    user("POST", "/movies/{movieId}/comments", this::addComment);
    user("PATCH", "/movies/{movieId}/comments/{commentId}", this::editComment);
    user("DELETE", "/movies/{movieId}/comments/{commentId}", this::deleteComment);
  }

  private void open(String method, String path, Action action) {
    routes.add(new Route(method, path.substring(1).split("/"), false, action));
  }

  private void user(String method, String path, Action action) {
    routes.add(new Route(method, path.substring(1).split("/"), true, action));
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    String method = request.getMethod().getMethodString();
    String path = request.getRequestURI();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (request.getRequest().isUpgrade()) {
      // An h2c offer (Java's HttpClient makes one by default) that the API, HTTP/1.1 only,
      // declines by answering normally. Grizzly would treat the reply as part of an upgrade and
      // leave out Content-Type; it closes the connection afterwards.
      request.getRequest().setIgnoreContentModifiers(false);
      response.setHeader("Connection", "close");
    }
    try {
      String relative = path.startsWith(RestApi.CONTEXT_PATH + "/")
          ? path.substring(RestApi.CONTEXT_PATH.length() + 1) : "";
      String[] segments = relative.split("/", -1);
      Set<String> allowed = new TreeSet<>();
      for (Route route : routes) {
        Map<String, String> parameters = match(route.segments(), segments);
        if (parameters == null) {
          continue;
        }
        allowed.add(route.method());
        if (route.method().equals(method)) {
          Exchange exchange = new Exchange(request, response, mapper, parameters, maxJsonBytes);
          if (route.needsUser()) {
            exchange.authenticated(authenticate(exchange));
          }
          route.action().handle(exchange);
          return;
        }
      }
      if (allowed.isEmpty()) {
        throw new HttpError(404, "no_such_resource", "No resource at this path");
      }
      response.setHeader("Allow", String.join(", ", allowed));
      throw new HttpError(405, "method_not_allowed",
          "Use " + String.join(", ", allowed) + " on this resource");
    } catch (HttpError e) {
      refuse(response, method, path, e.status(), e.code(), e.getMessage());
    } catch (ServiceException e) {
      if (e instanceof AuthenticationException) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"syncer\", error=\"invalid_token\"");
      }
      refuse(response, method, path, status(e), e.code(), e.getMessage());
    } catch (RuntimeException e) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("{} {} failed (incident {})", method, path, incident, e);
      refuse(response, method, path, 500, "internal_error",
          "Internal error; the server log has details under incident " + incident);
    }
  }

  private static Map<String, String> match(String[] template, String[] segments) {
    if (template.length != segments.length) {
      return null;
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        parameters.put(template[i].substring(1, template[i].length() - 1), segments[i]);
      } else if (!template[i].equals(segments[i])) {
        return null;
      }
    }
    return parameters;
  }

  private AuthenticatedUser authenticate(Exchange exchange) {
    String authorization = exchange.header("Authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new AuthenticationException("missing_token",
          "Send an access token: Authorization: Bearer <token> (POST /api/v1/sessions)");
    }
    return accounts.verify(authorization.substring(7).strip());
  }

  private void refuse(Response response, String method, String path, int status, String code,
      String message) throws Exception {
    if (status < 500) {
      LOG.info("{} {} refused: {} {}", method, path, status, code);
    }
    Exchange.write(response, status, Exchange.JSON_UTF8,
        mapper.writeValueAsBytes(views.error(code, message)));
  }

  private static int status(ServiceException e) {
    return switch (e.kind()) {
      case INVALID_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case RATE_LIMITED -> 429;
      case UNAVAILABLE -> 503;
    };
  }

  // ---- accounts and sessions ----

  private void register(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("username", "password"));
    ex.respond(201, views.account(
        accounts.register(body.requiredString("username"), body.requiredString("password"))));
  }

  private void me(Exchange ex) throws Exception {
    ex.respond(200, views.account(accounts.account(ex.user())));
  }

  private void changePassword(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("currentPassword", "newPassword"));
    ex.respond(200, views.tokens(accounts.changePassword(ex.user(),
        body.requiredString("currentPassword"), body.requiredString("newPassword"))));
  }

  private void logIn(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("username", "password"));
    ex.respond(200, views.tokens(
        accounts.logIn(body.requiredString("username"), body.requiredString("password"))));
  }

  private void refresh(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("refreshToken"));
    ex.respond(200, views.tokens(accounts.refresh(body.requiredString("refreshToken"))));
  }

  private void logOut(Exchange ex) {
    accounts.logOut(ex.user());
    ex.noContent();
  }

  // ---- movies ----

  private void searchMovies(Exchange ex) throws Exception {
    String sort = ex.query("sort");
    MovieQuery query = new MovieQuery(ex.query("q"), ex.query("tag"), sort(sort),
        ex.queryInt("page", 0), ex.queryInt("size", MovieQuery.DEFAULT_PAGE_SIZE));
    ex.respond(200, views.page(library.search(ex.user().userId(), query), views::movie));
  }

  private static MovieSort sort(String sort) {
    if (sort == null || sort.isEmpty()) {
      return MovieSort.ADDED;
    }
    try {
      return MovieSort.valueOf(sort.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("invalid_sort", "sort is one of title, added, rating");
    }
  }

  private void addMovie(Exchange ex) throws Exception {
    UUID owner = ex.user().userId();
    var movie = switch (ex.mediaType()) {
      case Exchange.BITTORRENT -> library.addTorrentFile(owner,
          ex.body(LibraryLimits.MAX_TORRENT_FILE_BYTES), MovieDetails.none());
      case Exchange.JSON -> {
        JsonFields body = ex.json(Set.of("magnet", "title", "description", "year", "tags"));
        yield library.addMagnet(owner, body.requiredString("magnet"),
            new MovieDetails(body.string("title"), body.string("description"),
                body.integer("year").orElse(null), body.strings("tags")));
      }
      default -> throw Exchange.unsupportedMediaType(
          Exchange.JSON + " ({\"magnet\": ...}) or " + Exchange.BITTORRENT + " (a .torrent file)");
    };
    ex.header("Location", RestApi.CONTEXT_PATH + "/movies/" + movie.id());
    ex.respond(201, views.movie(movie));
  }

  private void getMovie(Exchange ex) throws Exception {
    ex.respond(200, views.movie(library.movie(ex.user().userId(), ex.movieId())));
  }

  private void updateMovie(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("title", "description", "year", "tags", "fileIndex"));
    MovieUpdate.Builder update = MovieUpdate.builder();
    if (body.has("title")) {
      update.title(body.requiredString("title"));
    }
    if (body.has("description")) {
      String description = body.string("description");
      update.description(description == null ? "" : description);
    }
    if (body.isNull("year")) {
      update.clearYear();
    } else {
      body.integer("year").ifPresent(update::year);
    }
    if (body.has("tags")) {
      List<String> tags = body.strings("tags");
      if (tags == null) {
        throw HttpError.badRequest("invalid_tags", "tags must be an array of strings");
      }
      update.tags(tags);
    }
    if (body.has("fileIndex")) {
      update.fileIndex(body.integer("fileIndex").orElseThrow(() ->
          HttpError.badRequest("invalid_file_index", "fileIndex must be a whole number")));
    }
    ex.respond(200, views.movie(library.update(ex.user().userId(), ex.movieId(), update.build())));
  }

  private void deleteMovie(Exchange ex) {
    library.delete(ex.user().userId(), ex.movieId());
    ex.noContent();
  }

  private void getTorrent(Exchange ex) throws Exception {
    byte[] torrent = library.torrentFile(ex.user().userId(), ex.movieId())
        .orElseThrow(() -> new HttpError(404, "no_torrent_file",
            "This movie was added by magnet link; there is no .torrent file"));
    ex.respond(200, Exchange.BITTORRENT, torrent);
  }

  private void attachTorrent(Exchange ex) throws Exception {
    if (!Exchange.BITTORRENT.equals(ex.mediaType())) {
      throw Exchange.unsupportedMediaType(Exchange.BITTORRENT + " (a .torrent file)");
    }
    ex.respond(200, views.movie(library.attachTorrentFile(ex.user().userId(), ex.movieId(),
        ex.body(LibraryLimits.MAX_TORRENT_FILE_BYTES))));
  }

  private void getRating(Exchange ex) throws Exception {
    ex.respond(200, views.rating(library.ratings(ex.user().userId(), ex.movieId())));
  }

  private void rate(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("value"));
    int value = body.integer("value").orElseThrow(() ->
        HttpError.badRequest("invalid_rating", "value is required: a whole number from 1 to 10"));
    ex.respond(200, views.rating(library.rate(ex.user().userId(), ex.movieId(), value)));
  }

  // ---- comments ----

  private void listComments(Exchange ex) throws Exception {
    ex.respond(200, views.page(library.comments(ex.user().userId(), ex.movieId(),
        ex.queryInt("page", 0), ex.queryInt("size", MovieQuery.DEFAULT_PAGE_SIZE)),
        views::comment));
  }

  private void addComment(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("text"));
    var comment = library.addComment(ex.user().userId(), ex.movieId(),
        body.requiredString("text"));
    ex.header("Location", RestApi.CONTEXT_PATH + "/movies/" + comment.movieId() + "/comments/"
        + comment.id());
    ex.respond(201, views.comment(comment));
  }

  private UUID commentId(Exchange ex) {
    return ex.id("commentId", "comment_not_found", "No such comment on this movie");
  }

  private void editComment(Exchange ex) throws Exception {
    JsonFields body = ex.json(Set.of("text"));
    ex.respond(200, views.comment(library.editComment(ex.user().userId(), ex.movieId(),
        commentId(ex), body.requiredString("text"))));
  }

  private void deleteComment(Exchange ex) {
    library.deleteComment(ex.user().userId(), ex.movieId(), commentId(ex));
    ex.noContent();
  }
}
