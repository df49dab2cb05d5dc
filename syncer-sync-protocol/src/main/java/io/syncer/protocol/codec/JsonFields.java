package io.syncer.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.syncer.protocol.message.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed, strict access to the fields of one JSON object of a message. Every failure is a {@link
 * ProtocolException}: a missing field or a wrong JSON type is {@code bad_message}, a well-typed
 * value out of range is {@code invalid_argument}. Fields not asked for are ignored.
 */
final class JsonFields {

  /** Reads one element of a JSON array. */
  @FunctionalInterface
  interface ElementReader<T> {
    T read(JsonNode element, String path) throws ProtocolException;
  }

  /** Reads a value from one JSON object. */
  @FunctionalInterface
  interface ObjectReader<T> {
    T read(JsonFields fields) throws ProtocolException;
  }

  private final JsonNode object;
  private final String path;
  private final OptionalLong rid;

  private JsonFields(JsonNode object, String path, OptionalLong rid) {
    this.object = object;
    this.path = path;
    this.rid = rid;
  }

  static JsonFields of(JsonNode node, String path, OptionalLong rid) throws ProtocolException {
    if (!node.isObject()) {
      throw new ProtocolException(ErrorCode.BAD_MESSAGE, path + ": must be a JSON object", rid);
    }
    return new JsonFields(node, path, rid);
  }

  String path() {
    return path;
  }

  ProtocolException error(ErrorCode code, String detail) {
    return new ProtocolException(code, detail, rid);
  }

  private JsonNode required(String name, String expected) throws ProtocolException {
    JsonNode value = object.get(name);
    if (value == null) {
      throw error(ErrorCode.BAD_MESSAGE, path + "." + name + ": missing (" + expected + ")");
    }
    return value;
  }

  private ProtocolException wrongType(String name, String expected) {
    return error(ErrorCode.BAD_MESSAGE, path + "." + name + ": must be " + expected);
  }

  long integer(String name) throws ProtocolException {
    return integerValue(required(name, "an integer"), name);
  }

  private long integerValue(JsonNode value, String name) throws ProtocolException {
    if (!value.isIntegralNumber()) {
      throw wrongType(name, "an integer");
    }
    if (!value.canConvertToLong()) {
      throw error(ErrorCode.INVALID_ARGUMENT, path + "." + name + ": integer out of range");
    }
    return value.longValue();
  }

  int int32(String name) throws ProtocolException {
    long value = integer(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(ErrorCode.INVALID_ARGUMENT, path + "." + name + ": integer out of range");
    }
    return (int) value;
  }

  OptionalLong optionalInteger(String name) throws ProtocolException {
    JsonNode value = object.get(name);
    return value == null ? OptionalLong.empty() : OptionalLong.of(integerValue(value, name));
  }

  double number(String name) throws ProtocolException {
    JsonNode value = required(name, "a number");
    if (!value.isNumber()) {
      throw wrongType(name, "a number");
    }
    return value.doubleValue();
  }

  boolean bool(String name) throws ProtocolException {
    JsonNode value = required(name, "true or false");
    if (!value.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return value.booleanValue();
  }

  String string(String name) throws ProtocolException {
    return stringValue(required(name, "a string"), name);
  }

  private String stringValue(JsonNode value, String name) throws ProtocolException {
    if (!value.isTextual()) {
      throw wrongType(name, "a string");
    }
    return value.textValue();
  }

  Optional<String> optionalString(String name) throws ProtocolException {
    JsonNode value = object.get(name);
    return value == null ? Optional.empty() : Optional.of(stringValue(value, name));
  }

  JsonFields object(String name) throws ProtocolException {
    return of(required(name, "an object"), path + "." + name, rid);
  }

  Optional<JsonFields> optionalObject(String name) throws ProtocolException {
    JsonNode value = object.get(name);
    return value == null ? Optional.empty() : Optional.of(of(value, path + "." + name, rid));
  }

  <T> List<T> array(String name, ElementReader<T> reader) throws ProtocolException {
    JsonNode value = required(name, "an array");
    if (!value.isArray()) {
      throw wrongType(name, "an array");
    }
    List<T> elements = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      elements.add(reader.read(value.get(i), path + "." + name + "[" + i + "]"));
    }
    return elements;
  }

  /** Reads an array of objects, each through {@code reader}. */
  <T> List<T> objects(String name, ObjectReader<T> reader) throws ProtocolException {
    return array(name, (element, elementPath) -> reader.read(of(element, elementPath, rid)));
  }

  /** Reads an array of strings. */
  List<String> strings(String name) throws ProtocolException {
    return array(
        name,
        (element, elementPath) -> {
          if (!element.isTextual()) {
            throw error(ErrorCode.BAD_MESSAGE, elementPath + ": must be a string");
          }
          return element.textValue();
        });
  }

  /** Reads a string naming a constant of a wire enum. */
  <E> E wireEnum(String name, Function<String, Optional<E>> lookup) throws ProtocolException {
    String value = string(name);
    Optional<E> constant = lookup.apply(value);
    if (constant.isEmpty()) {
      throw error(ErrorCode.INVALID_ARGUMENT, path + "." + name + ": unknown value");
    }
    return constant.get();
  }

  /** Runs a validating constructor, turning its rejection into {@code invalid_argument}. */
  <T> T build(Supplier<T> constructor) throws ProtocolException {
    try {
      return constructor.get();
    } catch (IllegalArgumentException rejected) {
      throw error(ErrorCode.INVALID_ARGUMENT, path + ": " + rejected.getMessage());
    }
  }
}
