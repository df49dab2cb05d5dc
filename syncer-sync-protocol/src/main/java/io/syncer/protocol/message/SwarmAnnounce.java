package io.syncer.protocol.message;

import java.util.Optional;

/**
 * {@code swarm_announce} (client to server): where this member serves a torrent to the room.
 *
 * <p>Thread-safety: immutable.
 *
 * @param infoHash 40 lowercase hex digits
 * @param port 1..65535
 * @param host IP address literal; absent means the address the server sees
 */
public record SwarmAnnounce(String infoHash, int port, Optional<String> host)
    implements ClientMessage {

  public SwarmAnnounce {
    Check.infoHash("infoHash", infoHash);
    Check.range("port", port, 1, 65535);
    Check.optional("host", host, v -> Check.ipLiteral("host", v));
  }

  @Override
  public MessageType type() {
    return MessageType.SWARM_ANNOUNCE;
  }
}
