package io.syncer.protocol.message;

/**
 * One message of the Syncer wire protocol v1: a JSON object in one WebSocket text frame.
 *
 * <p>The hierarchy is sealed: {@link ClientMessage}s travel from client to server, {@link
 * ServerMessage}s from server to client. Every implementation is an immutable record whose
 * constructor validates its fields, so a {@code Message} that exists is always encodable and
 * within the limits of the specification ({@code docs/protocol/PROTOCOL.md}).
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public sealed interface Message permits ClientMessage, ServerMessage {

  /** The protocol revision this library speaks; sent in {@code hello} and {@code welcome}. */
  int PROTOCOL_VERSION = 1;

  /** The value of the {@code "type"} field. */
  MessageType type();
}
