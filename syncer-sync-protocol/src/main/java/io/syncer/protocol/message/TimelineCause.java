package io.syncer.protocol.message;

import java.util.Optional;

/**
 * Why the server issued a new timeline ({@code timeline.cause}).
 *
 * <p>Thread-safety: immutable enum.
 */
public enum TimelineCause {
  PLAY,
  PAUSE,
  SEEK,
  RATE,
  MEDIA,
  WAIT,
  RESUME;

  private final String wireName = WireNames.of(this);

  /** The wire name: the constant's name in lower case. */
  public String wireName() {
    return wireName;
  }

  /** The constant with this wire name, or empty if there is none. */
  public static Optional<TimelineCause> fromWireName(String wireName) {
    return WireNames.lookup(values(), wireName);
  }
}
