package io.syncer.protocol.message;

import java.util.Locale;
import java.util.Optional;

/** Wire names of the protocol's enums: the constant's name in lower case. */
final class WireNames {

  private WireNames() {}

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E>> Optional<E> lookup(E[] constants, String wireName) {
    for (E constant : constants) {
      if (of(constant).equals(wireName)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
