package io.syncer.protocol.message;

import java.util.Optional;

/**
 * The state a client reports in {@code status}.
 *
 * <p>Thread-safety: immutable enum.
 */
public enum PlayerState {
  READY,
  BUFFERING;

  private final String wireName = WireNames.of(this);

  /** The wire name: the constant's name in lower case. */
  public String wireName() {
    return wireName;
  }

  /** The constant with this wire name, or empty if there is none. */
  public static Optional<PlayerState> fromWireName(String wireName) {
    return WireNames.lookup(values(), wireName);
  }
}
