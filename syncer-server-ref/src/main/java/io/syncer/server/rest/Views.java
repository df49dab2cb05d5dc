package io.syncer.server.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncer.core.account.Account;
import io.syncer.core.account.TokenPair;
import io.syncer.core.library.Comment;
import io.syncer.core.library.Movie;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.Page;
import io.syncer.core.library.RatingSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** The JSON shapes of the API's resources, as documented in docs/protocol/REST.md. */
final class Views {

  private final ObjectMapper mapper;
  private final Clock clock;

  Views(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  ObjectNode account(Account account) {
    return mapper.createObjectNode()
        .put("id", account.id().toString())
        .put("username", account.username())
        .put("createdAt", account.createdAt().toString());
  }

  ObjectNode tokens(TokenPair tokens) {
    ObjectNode node = mapper.createObjectNode()
        .put("tokenType", "Bearer")
        .put("accessToken", tokens.accessToken())
        .put("expiresIn", secondsUntil(tokens.accessTokenExpiresAt()))
        .put("accessTokenExpiresAt", tokens.accessTokenExpiresAt().toString())
        .put("refreshToken", tokens.refreshToken())
        .put("refreshTokenExpiresAt", tokens.refreshTokenExpiresAt().toString());
    node.set("account", account(tokens.account()));
    return node;
  }

  private long secondsUntil(Instant instant) {
    return Math.max(0, Duration.between(clock.instant(), instant).toSeconds());
  }

  ObjectNode movie(Movie movie) {
    ObjectNode node = mapper.createObjectNode()
        .put("id", movie.id().toString())
        .put("title", movie.title())
        .put("description", movie.description());
    putNullable(node, "year", movie.year());
    node.put("infoHash", movie.infoHash())
        .put("magnet", movie.magnetUri())
        .put("hasTorrentFile", movie.hasTorrentFile());
    ArrayNode files = node.putArray("files");
    for (int i = 0; i < movie.files().size(); i++) {
      MovieFile file = movie.files().get(i);
      files.addObject().put("index", i).put("path", file.path()).put("length", file.length());
    }
    putNullable(node, "fileIndex", movie.fileIndex());
    ArrayNode tags = node.putArray("tags");
    movie.tags().forEach(tags::add);
    node.set("rating", rating(new RatingSummary(movie.ownerRating(), movie.averageRating(),
        movie.ratingCount())));
    node.put("addedAt", movie.addedAt().toString())
        .put("updatedAt", movie.updatedAt().toString());
    return node;
  }

  ObjectNode rating(RatingSummary summary) {
    ObjectNode node = mapper.createObjectNode();
    putNullable(node, "mine", summary.yourRating());
    if (summary.average() == null) {
      node.putNull("average");
    } else {
      node.put("average", summary.average());
    }
    return node.put("count", summary.count());
  }

  ObjectNode comment(Comment comment) {
    ObjectNode node = mapper.createObjectNode()
        .put("id", comment.id().toString())
        .put("movieId", comment.movieId().toString());
    node.putObject("author")
        .put("id", comment.authorId().toString())
        .put("username", comment.authorName());
    node.put("text", comment.text())
        .put("createdAt", comment.createdAt().toString());
    if (comment.editedAt() == null) {
      node.putNull("editedAt");
    } else {
      node.put("editedAt", comment.editedAt().toString());
    }
    return node;
  }

  <T> ObjectNode page(Page<T> page, Function<T, ObjectNode> view) {
    ObjectNode node = mapper.createObjectNode();
    ArrayNode items = node.putArray("items");
    page.items().forEach(item -> items.add(view.apply(item)));
    return node.put("page", page.page())
        .put("size", page.size())
        .put("totalItems", page.totalItems())
        .put("totalPages", page.totalPages());
  }

  ObjectNode error(String code, String message) {
    return mapper.createObjectNode().put("code", code).put("message", message);
  }

  private static void putNullable(ObjectNode node, String field, Integer value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
