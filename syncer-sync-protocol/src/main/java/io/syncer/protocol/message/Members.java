package io.syncer.protocol.message;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code members} (server to client): the member list after any membership, role or state change.
 *
 * <p>Thread-safety: immutable; the list is an unmodifiable copy.
 *
 * @param ownerId the owner's member id
 * @param members every member, distinct ids
 */
public record Members(String ownerId, List<Member> members) implements ServerMessage {

  public Members {
    Check.id("ownerId", ownerId);
    members = distinct(members);
  }

  @Override
  public MessageType type() {
    return MessageType.MEMBERS;
  }

  static List<Member> distinct(List<Member> members) {
    List<Member> copy = List.copyOf(Objects.requireNonNull(members, "members"));
    Set<String> ids = new HashSet<>();
    for (Member member : copy) {
      if (!ids.add(member.id())) {
        throw new IllegalArgumentException("members: contains a member id twice");
      }
    }
    return copy;
  }
}
