package io.syncer.server.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncer.core.account.AuthenticatedUser;
import io.syncer.core.error.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/** One request being answered: path and query parameters, bounded body, the caller, the reply. */
final class Exchange {

  static final String JSON = "application/json";
  static final String BITTORRENT = "application/x-bittorrent";
  static final String JSON_UTF8 = JSON + "; charset=utf-8";

  private final Request request;
  private final Response response;
  private final ObjectMapper mapper;
  private final Map<String, String> pathParameters;
  private final int maxJsonBytes;
  private Map<String, String> query;
  private AuthenticatedUser user;

  Exchange(Request request, Response response, ObjectMapper mapper,
      Map<String, String> pathParameters, int maxJsonBytes) {
    this.request = request;
    this.response = response;
    this.mapper = mapper;
    this.pathParameters = pathParameters;
    this.maxJsonBytes = maxJsonBytes;
  }

  void authenticated(AuthenticatedUser user) {
    this.user = user;
  }

  /** The caller; every route but registration and log-in has one. */
  AuthenticatedUser user() {
    return user;
  }

  /** A UUID path parameter; a malformed one names nothing, so it is not found. */
  UUID id(String name, String notFoundCode, String notFoundMessage) {
    try {
      return UUID.fromString(pathParameters.get(name));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException(notFoundCode, notFoundMessage);
    }
  }

  UUID movieId() {
    return id("movieId", "movie_not_found", "No such movie in your library");
  }

  /** A query parameter, decoded as UTF-8; {@code null} when absent. */
  String query(String name) {
    if (query == null) {
      query = parseQuery(request.getQueryString());
    }
    return query.get(name);
  }

  /** A whole-number query parameter, or the default when absent. */
  int queryInt(String name, int defaultValue) {
    String value = query(name);
    if (value == null || value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("invalid_" + name, name + " must be a whole number");
    }
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("invalid_query", "The query string is not properly encoded");
      }
    }
    return parameters;
  }

  /** The media type of the body without parameters, lower case; empty when there is none. */
  String mediaType() {
    String contentType = request.getContentType();
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .strip().toLowerCase(Locale.ROOT);
  }

  /** The body as a JSON object, after checking its media type and size. */
  JsonFields json(Set<String> allowedFields) {
    if (!JSON.equals(mediaType())) {
      throw unsupportedMediaType(JSON);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(body(maxJsonBytes));
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      throw HttpError.badRequest("invalid_json", where == null
          ? "The body is not acceptable JSON (too deeply nested or too long a value)"
          : "The body is not valid JSON (line " + where.getLineNr() + ", column "
              + where.getColumnNr() + ")");
    } catch (IOException e) {
      throw HttpError.badRequest("invalid_json", "The body could not be read");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw HttpError.badRequest("invalid_json", "The body must be a JSON object");
    }
    return new JsonFields(object, allowedFields);
  }

  static HttpError unsupportedMediaType(String expected) {
    return new HttpError(415, "unsupported_media_type", "Send the body as " + expected);
  }

  /** The raw body, refused with 413 when longer than {@code limit} bytes. */
  byte[] body(int limit) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(limit);
    }
    try (InputStream in = request.getInputStream()) {
      if (declared >= 0) {
        // Exactly the declared length: after an ignored "Upgrade: h2c" Grizzly passes the
        // connection through raw, and the stream would not end with the body.
        byte[] bytes = in.readNBytes((int) declared);
        if (bytes.length < declared) {
          throw HttpError.badRequest("incomplete_body", "The body ended before Content-Length");
        }
        return bytes;
      }
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw tooLarge(limit);
      }
      return bytes;
    }
  }

  private static HttpError tooLarge(int limit) {
    return new HttpError(413, "body_too_large",
        "The request body is larger than " + limit + " bytes");
  }

  void respond(int status, JsonNode body) throws IOException {
    write(response, status, JSON_UTF8, mapper.writeValueAsBytes(body));
  }

  void respond(int status, String contentType, byte[] body) throws IOException {
    write(response, status, contentType, body);
  }

  static void write(Response response, int status, String contentType, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(contentType);
    response.setContentLength(body.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(body);
    }
  }

  void noContent() {
    response.setStatus(204);
  }

  void header(String name, String value) {
    response.setHeader(name, value);
  }

  String header(String name) {
    return request.getHeader(name);
  }
}
