package io.syncer.core.transport;

/**
 * The receiving side of a {@link Session}: the transport calls it with every text message that
 * arrives and once when the connection is gone. The room authority returns one per accepted
 * connection; the participant session is one.
 *
 * <p>Thread-safety: implementations accept calls from any thread and never block the caller
 * (they queue work for their own executor); the transport must not call {@link #onText}
 * concurrently for one session, so messages keep their order.
 */
public interface SessionListener {

  /** One complete text message, as received. */
  void onText(String text);

  /**
   * The transport rejected a message before it could be delivered as text (for example a frame
   * larger than the limit, or a binary frame). The listener answers with an error and closes.
   */
  void onRejected(Rejection rejection);

  /** The connection is closed (by either side or by a network failure); called once. */
  void onClosed(CloseCode code, String reason);

  /** Why a transport refused an incoming message. */
  enum Rejection {
    /** The message exceeded the maximum message size. */
    TOO_LARGE,
    /** The message was not a text message, or was not valid UTF-8. */
    NOT_TEXT
  }
}
