package io.syncer.torrent;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to open a torrent for streaming: which file, and how long the media plays (to estimate
 * its bitrate, which sizes the piece windows ahead of each reader).
 *
 * <p>Thread-safety: immutable.
 */
public final class OpenOptions {
  private static final OpenOptions DEFAULTS = new OpenOptions(-1, null);

  private final int fileIndex;
  private final Duration mediaDuration;

  private OpenOptions(int fileIndex, Duration mediaDuration) {
    this.fileIndex = fileIndex;
    this.mediaDuration = mediaDuration;
  }

  /** The torrent's default file ({@link TorrentMetadata#defaultFile()}), duration unknown. */
  public static OpenOptions defaults() {
    return DEFAULTS;
  }

  /** Stream the file at {@code index} in the torrent's file list. */
  public OpenOptions withFileIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("file index must be >= 0");
    }
    return new OpenOptions(index, mediaDuration);
  }

  /** The media's playing time; the bitrate estimate becomes file length / duration. */
  public OpenOptions withMediaDuration(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("media duration must be positive");
    }
    return new OpenOptions(fileIndex, duration);
  }

  public OptionalInt fileIndex() {
    return fileIndex < 0 ? OptionalInt.empty() : OptionalInt.of(fileIndex);
  }

  public Optional<Duration> mediaDuration() {
    return Optional.ofNullable(mediaDuration);
  }
}
