package io.syncer.protocol.message;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code hello} (client to server): the first message of every connection.
 *
 * <p>Thread-safety: immutable. {@link #toString()} never shows the token or resume token.
 *
 * @param protocol the protocol revision the client speaks ({@link Message#PROTOCOL_VERSION}); a
 *     server answers other revisions with {@code unsupported_version}
 * @param client the client software, e.g. {@code "syncer-java/0.1"}: 1..64 characters, no
 *     control characters
 * @param name the display name wanted, 1..64 characters, no control characters
 * @param token an access token, 1..4096 printable ASCII characters
 * @param resume a resume token from an earlier {@link Welcome}, 1..256 printable ASCII characters
 * @param rid request id echoed by an error caused by this message
 */
public record Hello(
    int protocol,
    String client,
    Optional<String> name,
    Optional<String> token,
    Optional<String> resume,
    OptionalLong rid)
    implements Request {

  public Hello {
    Check.range("protocol", protocol, 1, Integer.MAX_VALUE);
    Check.text("client", client, 1, 64, false);
    Check.optional("name", name, v -> Check.displayName("name", v));
    Check.optional("token", token, v -> Check.printableAscii("token", v, 1, 4096));
    Check.optional("resume", resume, v -> Check.printableAscii("resume", v, 1, 256));
    Check.rid(rid);
  }

  /** A {@code hello} for this protocol revision without name, credentials or rid. */
  public Hello(String client) {
    this(
        PROTOCOL_VERSION,
        client,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  @Override
  public MessageType type() {
    return MessageType.HELLO;
  }

  @Override
  public String toString() {
    return "Hello[protocol=" + protocol + ", client=" + client + ", name=" + name
        + ", token=" + (token.isPresent() ? "<redacted>" : "none")
        + ", resume=" + (resume.isPresent() ? "<redacted>" : "none")
        + ", rid=" + rid + "]";
  }
}
