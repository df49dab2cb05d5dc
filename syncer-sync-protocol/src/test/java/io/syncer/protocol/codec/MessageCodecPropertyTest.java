package io.syncer.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.MessageType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MessageCodecPropertyTest {

  /** The codes a codec can produce; the others are decisions of a server. */
  private static final Set<ErrorCode> CODEC_CODES =
      EnumSet.of(
          ErrorCode.BAD_MESSAGE,
          ErrorCode.TOO_LARGE,
          ErrorCode.UNKNOWN_TYPE,
          ErrorCode.UNSUPPORTED_VERSION,
          ErrorCode.INVALID_ARGUMENT);

  private static final ObjectMapper TREE = new ObjectMapper();
  private final MessageCodec codec = MessageCodec.create();

  @Provide
  Arbitrary<Message> messages() {
    return MessageArbitraries.messages();
  }

  @Property(tries = 600)
  void everyMessageSurvivesEncodeDecode(@ForAll("messages") Message message)
      throws ProtocolException {
    String encoded = codec.encode(message);
    Message decoded =
        message.type().isSentByClient()
            ? codec.decodeFromClient(encoded)
            : codec.decodeFromServer(encoded);
    assertThat(decoded).isEqualTo(message);
    assertThat(codec.encode(decoded)).isEqualTo(encoded);
    assertThat(codec.decode(encoded.getBytes(StandardCharsets.UTF_8))).isEqualTo(message);
  }

  @Property(tries = 300)
  void arbitraryTextOnlyFailsAsProtocolException(@ForAll String text) {
    decodeSafely(text);
  }

  @Provide
  Arbitrary<String> jsonLikeText() {
    return Arbitraries.of(
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", " ", "\"type\"",
            "\"play\"", "\"seek\"", "\"positionUs\"", "\"rid\"", "\"hello\"", "0", "-0", "01",
            "1.5", "1e999", "-", "9007199254740992", "99999999999999999999", "true", "null",
            "\"\"", "\u0000", "é", "🎬")
        .list()
        .ofMaxSize(40)
        .map(tokens -> String.join("", tokens));
  }

  @Property(tries = 500)
  void jsonLikeTextOnlyFailsAsProtocolException(@ForAll("jsonLikeText") String text) {
    decodeSafely(text);
  }

  @Property(tries = 300)
  void arbitraryBytesOnlyFailAsProtocolException(@ForAll byte[] bytes) {
    try {
      Message decoded = codec.decode(bytes);
      assertStable(decoded);
    } catch (ProtocolException rejected) {
      assertWellFormed(rejected);
    }
  }

  enum Mutation {
    FLIP_BIT,
    TRUNCATE,
    INSERT_CHARACTER,
    DELETE_CHARACTER,
    DELETE_FIELD,
    CHANGE_VALUE_TYPE,
    SWAP_MESSAGE_TYPE,
    DUPLICATE_FIELD
  }

  @Property(tries = 1000)
  void mutatedMessagesOnlyFailAsProtocolException(
      @ForAll("messages") Message message,
      @ForAll Mutation mutation,
      @ForAll Random random)
      throws JsonProcessingException {
    String encoded = codec.encode(message);
    if (mutation == Mutation.FLIP_BIT) {
      byte[] bytes = encoded.getBytes(StandardCharsets.UTF_8);
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
      try {
        assertStable(codec.decode(bytes));
      } catch (ProtocolException rejected) {
        assertWellFormed(rejected);
      }
      return;
    }
    decodeSafely(mutate(encoded, mutation, random));
  }

  private static String mutate(String encoded, Mutation mutation, Random random)
      throws JsonProcessingException {
    return switch (mutation) {
      case FLIP_BIT -> throw new IllegalArgumentException("bit flips work on bytes");
      case TRUNCATE -> encoded.substring(0, random.nextInt(encoded.length()));
      case INSERT_CHARACTER -> {
        int at = random.nextInt(encoded.length() + 1);
        String candidates = "{}[],:\"\\ 0-9e.tfn\u0000é";
        String inserted = String.valueOf(candidates.charAt(random.nextInt(candidates.length())));
        yield encoded.substring(0, at) + inserted + encoded.substring(at);
      }
      case DELETE_CHARACTER -> {
        int at = random.nextInt(encoded.length());
        yield encoded.substring(0, at) + encoded.substring(at + 1);
      }
      case DELETE_FIELD -> {
        JsonNode root = TREE.readTree(encoded);
        ObjectNode target = randomObject(root, random);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
          target.remove(names.get(random.nextInt(names.size())));
        }
        yield TREE.writeValueAsString(root);
      }
      case CHANGE_VALUE_TYPE -> {
        JsonNode root = TREE.readTree(encoded);
        ObjectNode target = randomObject(root, random);
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(9)) {
          case 0 -> target.put(name, "text");
          case 1 -> target.put(name, random.nextLong());
          case 2 -> target.put(name, random.nextDouble() * 8 - 4);
          case 3 -> target.put(name, random.nextBoolean());
          case 4 -> target.putNull(name);
          case 5 -> target.putArray(name).add(1);
          case 6 -> target.putObject(name).put("x", 1);
          case 7 -> target.put(name, BigInteger.ONE.shiftLeft(70));
          default -> target.put(name, "");
        }
        yield TREE.writeValueAsString(root);
      }
      case SWAP_MESSAGE_TYPE -> {
        ObjectNode root = (ObjectNode) TREE.readTree(encoded);
        MessageType[] types = MessageType.values();
        root.put("type", types[random.nextInt(types.length)].wireName());
        yield TREE.writeValueAsString(root);
      }
      case DUPLICATE_FIELD -> {
        JsonNode root = TREE.readTree(encoded);
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        yield "{" + TREE.writeValueAsString(name) + ":" + TREE.writeValueAsString(root.get(name))
            + "," + encoded.substring(1);
      }
    };
  }

  /** The root or one of the objects nested in it, chosen at random. */
  private static ObjectNode randomObject(JsonNode root, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(root, objects);
    return objects.get(random.nextInt(objects.size()));
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode object && object.size() > 0) {
      into.add(object);
    }
    node.elements().forEachRemaining(child -> collectObjects(child, into));
  }

  private void decodeSafely(String text) {
    try {
      assertStable(codec.decode(text));
    } catch (ProtocolException rejected) {
      assertWellFormed(rejected);
    }
  }

  /** Whatever decodes is a valid message that encodes and decodes to itself. */
  private void assertStable(Message decoded) throws ProtocolException {
    assertThat(codec.decode(codec.encode(decoded))).isEqualTo(decoded);
  }

  private void assertWellFormed(ProtocolException rejected) {
    assertThat(CODEC_CODES).contains(rejected.code());
    assertThat(rejected.getMessage()).isNotBlank();
    assertThat(codec.encode(rejected.toErrorMessage())).startsWith("{\"type\":\"error\"");
  }
}
