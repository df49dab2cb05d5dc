package io.syncer.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.TimelineUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs the language-neutral vectors of {@code docs/protocol/vectors/} against this implementation.
 */
class VectorFilesTest {

  private static final Path VECTORS = Path.of("..", "docs", "protocol", "vectors");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MessageCodec codec = MessageCodec.create();

  private static List<JsonNode> vectors(String file) throws IOException {
    JsonNode root = JSON.readTree(VECTORS.resolve(file).toFile());
    assertThat(root.path("protocol").asInt()).isEqualTo(Message.PROTOCOL_VERSION);
    List<JsonNode> vectors = new ArrayList<>();
    root.path("vectors").forEach(vectors::add);
    assertThat(vectors).as(file).isNotEmpty();
    assertThat(vectors.stream().map(v -> v.path("name").asText()).distinct())
        .as("vector names are unique").hasSameSizeAs(vectors);
    return vectors;
  }

  @Test
  void messageVectorsAreExactlyTheSamples() throws IOException {
    List<String> names =
        vectors("messages.json").stream().map(v -> v.get("name").asText()).toList();
    assertThat(names).containsExactlyElementsOf(SampleMessages.named().keySet());
  }

  /** One dynamic test per vector of {@code file}, named after the vector. */
  private static Stream<DynamicTest> eachVector(String file, ThrowingConsumer<JsonNode> check)
      throws IOException {
    return vectors(file).stream()
        .map(
            vector ->
                DynamicTest.dynamicTest(vector.get("name").asText(), () -> check.accept(vector)));
  }

  @TestFactory
  Stream<DynamicTest> messageVectorsDecodeToTheSampleAndReEncodeIdentically() throws IOException {
    return eachVector("messages.json", this::checkMessageVector);
  }

  private void checkMessageVector(JsonNode vector) throws ProtocolException {
    String encoded = vector.get("encoded").asText();
    boolean toServer = vector.get("direction").asText().equals("client_to_server");
    Message decoded = toServer ? codec.decodeFromClient(encoded) : codec.decodeFromServer(encoded);
    assertThat(decoded).isEqualTo(SampleMessages.named().get(vector.get("name").asText()));
    assertThat(codec.encode(decoded)).isEqualTo(encoded);
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsAreRejectedWithTheirCode() throws IOException {
    return eachVector("invalid.json", this::checkInvalidVector);
  }

  private void checkInvalidVector(JsonNode vector) {
    MessageCodec receiver =
        vector.has("maxMessageBytes")
            ? MessageCodec.withMaxMessageBytes(vector.get("maxMessageBytes").asInt())
            : codec;
    Throwable thrown = catchThrowable(() -> decode(receiver, vector));
    assertThat(thrown).isInstanceOf(ProtocolException.class);
    ProtocolException e = (ProtocolException) thrown;
    assertThat(e.code().wireName()).as(e.getMessage()).isEqualTo(vector.get("error").asText());
    assertThat(e.rid())
        .isEqualTo(
            vector.has("rid") ? OptionalLong.of(vector.get("rid").asLong()) : OptionalLong.empty());
  }

  private static void decode(MessageCodec receiver, JsonNode vector) throws ProtocolException {
    if (vector.has("inputBase64")) {
      // Raw bytes: only malformed UTF-8 needs them, and that fails before the direction matters.
      receiver.decode(Base64.getDecoder().decode(vector.get("inputBase64").asText()));
    } else if (vector.get("receivedBy").asText().equals("server")) {
      receiver.decodeFromClient(vector.get("input").asText());
    } else {
      receiver.decodeFromServer(vector.get("input").asText());
    }
  }

  @Test
  void invalidVectorsCoverEveryCodeTheCodecCanProduce() throws IOException {
    List<String> codes =
        vectors("invalid.json").stream().map(v -> v.get("error").asText()).toList();
    assertThat(codes)
        .contains(
            ErrorCode.BAD_MESSAGE.wireName(),
            ErrorCode.TOO_LARGE.wireName(),
            ErrorCode.UNKNOWN_TYPE.wireName(),
            ErrorCode.UNSUPPORTED_VERSION.wireName(),
            ErrorCode.INVALID_ARGUMENT.wireName());
  }

  @TestFactory
  Stream<DynamicTest> timelineVectorsExtrapolateExactly() throws IOException {
    return eachVector("timeline.json", this::checkTimelineVector);
  }

  private void checkTimelineVector(JsonNode vector) throws ProtocolException {
    String wire =
        "{\"type\":\"timeline\",\"timeline\":" + vector.get("timeline")
            + ",\"cause\":\"seek\",\"by\":\"server\"}";
    TimelineUpdate update = (TimelineUpdate) codec.decodeFromServer(wire);
    assertThat(codec.encode(update)).isEqualTo(wire);
    assertThat(update.timeline().positionAt(vector.get("serverTimeUs").asLong()))
        .isEqualTo(vector.get("positionUs").asLong());
  }

  /**
   * Pins every byte of every vector file: semantic checks above cannot notice, say, a changed
   * note or version number, and a vector edited without updating SHA256SUMS is a mistake.
   */
  @Test
  void vectorFilesMatchTheirPublishedChecksums() throws IOException, NoSuchAlgorithmException {
    List<String> lines = Files.readAllLines(VECTORS.resolve("SHA256SUMS"));
    assertThat(lines).hasSize(3);
    for (String line : lines) {
      String[] sumAndFile = line.split(" {2}", 2);
      byte[] content = Files.readAllBytes(VECTORS.resolve(sumAndFile[1]));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      String actual = HexFormat.of().formatHex(digest);
      assertThat(actual).as(sumAndFile[1]).isEqualTo(sumAndFile[0]);
    }
  }
}
