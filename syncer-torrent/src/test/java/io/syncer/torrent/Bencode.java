package io.syncer.torrent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Encodes test fixtures (maps, lists, strings, byte arrays, numbers) as bencoding. */
final class Bencode {
  private Bencode() {}

  static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(value, out);
    return out.toByteArray();
  }

  private static void write(Object value, ByteArrayOutputStream out) {
    if (value instanceof String text) {
      write(text.getBytes(StandardCharsets.UTF_8), out);
    } else if (value instanceof byte[] bytes) {
      out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(bytes);
    } else if (value instanceof Number number) {
      out.writeBytes(("i" + number + "e").getBytes(StandardCharsets.US_ASCII));
    } else if (value instanceof List<?> list) {
      out.write('l');
      list.forEach(element -> write(element, out));
      out.write('e');
    } else if (value instanceof Map<?, ?> map) {
      out.write('d');
      new TreeMap<>(map)
          .forEach(
              (key, element) -> {
                write(key, out);
                write(element, out);
              });
      out.write('e');
    } else {
      throw new IllegalArgumentException("cannot bencode " + value);
    }
  }
}
