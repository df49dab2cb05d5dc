package io.syncer.protocol.message;

/**
 * A message sent by a client to the server.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public sealed interface ClientMessage extends Message
    permits Request, ClockRequest, Status, SwarmAnnounce {}
