package io.syncer.protocol.message;

import java.util.OptionalLong;

/**
 * A client message that the server may refuse with an {@link ErrorMessage}; the optional request
 * id {@code rid} (1..2<sup>53</sup>-1) is echoed in that error so the client can tell which
 * request failed.
 *
 * <p>Thread-safety: immutable; safe to share between threads.
 */
public sealed interface Request extends ClientMessage
    permits Hello, CreateRoom, JoinRoom, LeaveRoom, OwnerCommand {

  /** The client-chosen request id, if any. */
  OptionalLong rid();
}
