package io.syncer.protocol.message;

import java.util.Optional;

/**
 * Why the room waits for members ({@code wait.reason}).
 *
 * <p>Thread-safety: immutable enum.
 */
public enum WaitReason {
  BUFFERING,
  JOINING;

  private final String wireName = WireNames.of(this);

  /** The wire name: the constant's name in lower case. */
  public String wireName() {
    return wireName;
  }

  /** The constant with this wire name, or empty if there is none. */
  public static Optional<WaitReason> fromWireName(String wireName) {
    return WireNames.lookup(values(), wireName);
  }
}
