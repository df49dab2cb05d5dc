package io.syncer.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to the fields of a JSON request object. A field of the wrong type is refused with
 * {@code 400 invalid_<field>}, so clients learn which field is wrong; unknown fields are refused
 * too, so that a misspelt field is not silently ignored.
 */
final class JsonFields {

  private final ObjectNode object;

  JsonFields(ObjectNode object, Set<String> allowed) {
    this.object = object;
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw HttpError.badRequest("unknown_field",
            "Unknown field '" + shorten(name) + "'; allowed: " + String.join(", ", allowed));
      }
    }
  }

  boolean has(String field) {
    return object.has(field);
  }

  boolean isNull(String field) {
    return object.has(field) && object.get(field).isNull();
  }

  /** The string value; absent or null gives {@code null}. */
  String string(String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return value.textValue();
  }

  /** The string value, which must be present. */
  String requiredString(String field) {
    String value = string(field);
    if (value == null) {
      throw HttpError.badRequest("invalid_" + snake(field), field + " is required");
    }
    return value;
  }

  /** The whole-number value; absent or null gives empty. */
  Optional<Integer> integer(String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(field, "a whole number");
    }
    return Optional.of(value.intValue());
  }

  /** A list of strings; absent or null gives {@code null}. */
  List<String> strings(String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      throw wrongType(field, "an array of strings");
    }
    List<String> result = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw wrongType(field, "an array of strings");
      }
      result.add(element.textValue());
    }
    return result;
  }

  private static HttpError wrongType(String field, String expected) {
    return HttpError.badRequest("invalid_" + snake(field), field + " must be " + expected);
  }

  /** fileIndex becomes file_index, the spelling of the core's error codes. */
  static String snake(String field) {
    return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
