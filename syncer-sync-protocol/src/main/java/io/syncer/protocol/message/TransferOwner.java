package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * {@code transfer_owner} (owner to server): make another member the owner.
 *
 * <p>Thread-safety: immutable.
 *
 * @param memberId the new owner, a member of the room
 * @param rid request id echoed by an error caused by this message
 */
public record TransferOwner(String memberId, OptionalLong rid) implements OwnerCommand {

  public TransferOwner {
    Check.id("memberId", memberId);
    Check.rid(rid);
  }

  public TransferOwner(String memberId) {
    this(memberId, OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.TRANSFER_OWNER;
  }
}
