package io.syncer.protocol.message;

import java.util.List;

/**
 * {@code swarm_peers} (server to client): the room members serving a torrent.
 *
 * <p>Thread-safety: immutable; the list is an unmodifiable copy.
 *
 * @param infoHash 40 lowercase hex digits
 * @param peers the members' endpoints
 */
public record SwarmPeers(String infoHash, List<SwarmPeer> peers) implements ServerMessage {

  public SwarmPeers {
    Check.infoHash("infoHash", infoHash);
    peers = List.copyOf(peers);
  }

  @Override
  public MessageType type() {
    return MessageType.SWARM_PEERS;
  }
}
