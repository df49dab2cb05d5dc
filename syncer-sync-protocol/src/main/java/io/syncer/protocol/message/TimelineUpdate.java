package io.syncer.protocol.message;

import java.util.Objects;

/**
 * {@code timeline} (server to client): a scheduled command. The server broadcasts the same bytes
 * to every member; the timeline takes effect at its {@link Timeline#anchorUs()}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param timeline the new timeline
 * @param cause why it changed
 * @param by the member who caused it, or {@link #BY_SERVER} for {@code wait}/{@code resume}
 */
public record TimelineUpdate(Timeline timeline, TimelineCause cause, String by)
    implements ServerMessage {

  /** The {@code by} value of changes the server made itself. */
  public static final String BY_SERVER = "server";

  public TimelineUpdate {
    Objects.requireNonNull(timeline, "timeline");
    Objects.requireNonNull(cause, "cause");
    Check.id("by", by);
  }

  @Override
  public MessageType type() {
    return MessageType.TIMELINE;
  }
}
