package io.syncer.protocol.message;

import java.util.Objects;

/**
 * One member of a room as the server sees it.
 *
 * <p>Thread-safety: immutable.
 *
 * @param id member id (1..64 printable ASCII)
 * @param name display name (1..64 characters)
 * @param state joining, ready, buffering or disconnected
 * @param bufferedAheadUs media buffered ahead of the member's position, µs, {@code >= 0}
 * @param offsetUs the member's last reported sync offset (player minus timeline), µs, signed
 * @param rttUs the member's round-trip time to the server, µs, {@code >= 0}
 */
public record Member(
    String id, String name, MemberState state, long bufferedAheadUs, long offsetUs, long rttUs) {

  public Member {
    Check.id("id", id);
    Check.displayName("name", name);
    Objects.requireNonNull(state, "state");
    Check.nonNegative("bufferedAheadUs", bufferedAheadUs);
    Check.safe("offsetUs", offsetUs);
    Check.nonNegative("rttUs", rttUs);
  }
}
