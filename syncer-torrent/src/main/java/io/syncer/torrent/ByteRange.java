package io.syncer.torrent;

/**
 * A half-open range of bytes in a file: {@code start} included, {@code end} excluded.
 *
 * <p>Thread-safety: immutable.
 */
public record ByteRange(long start, long end) {

  public ByteRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("invalid byte range [" + start + ", " + end + ")");
    }
  }

  public long length() {
    return end - start;
  }
}
