package io.syncer.torrent.internal;

import bt.protocol.Message;
import bt.torrent.annotation.Consumes;
import bt.torrent.annotation.Produces;
import bt.torrent.messaging.ConnectionState;
import bt.torrent.messaging.MessageContext;
import java.util.function.Consumer;

/**
 * bt messaging agent that keeps a connection unchoked once bt has unchoked it.
 *
 * <p>bt 1.10 unchokes every interested peer anyway (it has no upload slots); it only chokes a
 * peer that lost interest, and then refuses to unchoke it for 10 s. Room members stream in near
 * lockstep, so they lose interest in each other whenever one has caught up with another, and
 * the penalty made them fetch the next pieces from the outside swarm instead. A peer that is not
 * interested requests nothing, so leaving it unchoked costs nothing. bt's choker runs right
 * after the agents on every message in and out, and finds an unchoked connection marked "should
 * not choke" each time. The first unchoke stays bt's (once the peer is interested, which is after
 * the bitfield exchange).
 *
 * <p>Thread-safety: stateless; bt calls it from its message loop.
 */
public final class UnchokingAgent {
  @Consumes
  public void consume(Message message, MessageContext context) {
    keepUnchoked(context.getConnectionState());
  }

  @Produces
  public void produce(Consumer<Message> messages, MessageContext context) {
    keepUnchoked(context.getConnectionState());
  }

  private static void keepUnchoked(ConnectionState connection) {
    if (!connection.isChoking()) {
      connection.setShouldChoke(false);
    }
  }
}
