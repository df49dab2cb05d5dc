package io.syncer.protocol.message;

/**
 * A message sent by the server to a client.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public sealed interface ServerMessage extends Message
    permits Welcome, ClockResponse, ErrorMessage, RoomState, Members, TimelineUpdate, Wait,
        SwarmPeers {}
