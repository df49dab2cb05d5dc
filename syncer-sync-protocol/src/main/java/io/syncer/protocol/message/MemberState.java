package io.syncer.protocol.message;

import java.util.Optional;

/**
 * A member's state as the server sees it ({@code Member.state}).
 *
 * <p>Thread-safety: immutable enum.
 */
public enum MemberState {
  JOINING,
  READY,
  BUFFERING,
  DISCONNECTED;

  private final String wireName = WireNames.of(this);

  /** The wire name: the constant's name in lower case. */
  public String wireName() {
    return wireName;
  }

  /** The constant with this wire name, or empty if there is none. */
  public static Optional<MemberState> fromWireName(String wireName) {
    return WireNames.lookup(values(), wireName);
  }
}
