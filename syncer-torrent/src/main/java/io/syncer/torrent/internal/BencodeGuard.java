package io.syncer.torrent.internal;

import io.syncer.torrent.InvalidTorrentException;

/**
 * Checks the structure of bencoded bytes before bt's parser sees them.
 *
 * <p>bt's {@code BEParser} allocates a string's buffer from its declared length (up to 2 GiB)
 * before reading it, recurses once per nesting level, and buffers every nesting level's bytes
 * separately; a few hostile bytes could exhaust the heap or the stack. This scan is iterative,
 * allocates nothing, and rejects declared lengths beyond the end of the input, nesting deeper
 * than {@link #MAX_DEPTH}, malformed integers, non-string dictionary keys and trailing bytes.
 */
public final class BencodeGuard {
  /** Deepest nesting of lists and dictionaries accepted (metainfo needs 5). */
  public static final int MAX_DEPTH = 8;

  private BencodeGuard() {}

  /** Throws unless {@code data} holds exactly one well-formed bencoded value. */
  public static void check(byte[] data) throws InvalidTorrentException {
    int position = 0;
    int depth = 0;
    // For each open container: whether it is a dictionary expecting a key next.
    boolean[] dictionary = new boolean[MAX_DEPTH + 1];
    boolean[] expectingKey = new boolean[MAX_DEPTH + 1];
    boolean done = false;
    while (!done) {
      if (position >= data.length) {
        throw new InvalidTorrentException("bencoding ends early at byte " + position);
      }
      byte b = data[position];
      boolean keyPosition = depth > 0 && dictionary[depth] && expectingKey[depth];
      if (b == 'e' && depth > 0) {
        if (dictionary[depth] && !expectingKey[depth]) {
          throw new InvalidTorrentException("dictionary key without a value at byte " + position);
        }
        position++;
        depth--;
        done = depth == 0;
        continue;
      }
      if (keyPosition && (b < '0' || b > '9')) {
        throw new InvalidTorrentException("dictionary key is not a string at byte " + position);
      }
      if (b == 'd' || b == 'l') {
        if (depth == MAX_DEPTH) {
          throw new InvalidTorrentException("bencoding nests deeper than " + MAX_DEPTH + " levels");
        }
        markValueRead(depth, dictionary, expectingKey);
        depth++;
        dictionary[depth] = b == 'd';
        expectingKey[depth] = true;
        position++;
        continue;
      }
      if (b == 'i') {
        position = skipInteger(data, position + 1);
      } else if (b >= '0' && b <= '9') {
        position = skipString(data, position);
      } else {
        throw new InvalidTorrentException(
            "unexpected byte 0x" + Integer.toHexString(b & 0xff) + " at byte " + position);
      }
      markValueRead(depth, dictionary, expectingKey);
      done = depth == 0;
    }
    if (position != data.length) {
      throw new InvalidTorrentException(
          (data.length - position) + " unexpected bytes after the bencoded value");
    }
  }

  private static void markValueRead(int depth, boolean[] dictionary, boolean[] expectingKey) {
    if (depth > 0 && dictionary[depth]) {
      expectingKey[depth] = !expectingKey[depth];
    }
  }

  private static int skipInteger(byte[] data, int start) throws InvalidTorrentException {
    int position = start;
    if (position < data.length && data[position] == '-') {
      position++;
    }
    int digits = 0;
    while (position < data.length && data[position] >= '0' && data[position] <= '9') {
      position++;
      digits++;
    }
    if (digits == 0 || digits > 19 || position >= data.length || data[position] != 'e') {
      throw new InvalidTorrentException("malformed integer at byte " + (start - 1));
    }
    return position + 1;
  }

  private static int skipString(byte[] data, int start) throws InvalidTorrentException {
    long length = 0;
    int position = start;
    while (position < data.length && data[position] >= '0' && data[position] <= '9') {
      length = length * 10 + (data[position] - '0');
      if (length > data.length) {
        throw new InvalidTorrentException("string at byte " + start + " is longer than the input");
      }
      position++;
    }
    if (position >= data.length || data[position] != ':') {
      throw new InvalidTorrentException("malformed string length at byte " + start);
    }
    position++;
    if (length > data.length - position) {
      throw new InvalidTorrentException("string at byte " + start + " runs past the end of input");
    }
    return position + (int) length;
  }
}
