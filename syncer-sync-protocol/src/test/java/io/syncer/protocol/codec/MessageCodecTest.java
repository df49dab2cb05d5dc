package io.syncer.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.protocol.message.ClientMessage;
import io.syncer.protocol.message.ErrorCode;
import io.syncer.protocol.message.Hello;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.MessageType;
import io.syncer.protocol.message.Play;
import io.syncer.protocol.message.Seek;
import io.syncer.protocol.message.SetRate;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

  private final MessageCodec codec = MessageCodec.create();

  @Test
  void samplesCoverEveryMessageType() {
    Set<MessageType> seen = EnumSet.noneOf(MessageType.class);
    SampleMessages.all().forEach(m -> seen.add(m.type()));
    assertThat(seen).containsExactlyInAnyOrder(MessageType.values());
  }

  @Test
  void everySampleSurvivesEncodeDecode() throws ProtocolException {
    for (Message message : SampleMessages.all()) {
      String json = codec.encode(message);
      assertThat(codec.decode(json)).as(json).isEqualTo(message);
      assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(message);
    }
  }

  @Test
  void encodingIsCanonical() {
    assertThat(codec.encode(new Hello("syncer-java/0.1")))
        .isEqualTo("{\"type\":\"hello\",\"protocol\":1,\"client\":\"syncer-java/0.1\"}");
    assertThat(codec.encode(new Seek(5, OptionalLong.of(3))))
        .isEqualTo("{\"type\":\"seek\",\"positionUs\":5,\"rid\":3}");
    assertThat(codec.encode(new SetRate(1.0))).isEqualTo("{\"type\":\"set_rate\",\"rate\":1.0}");
  }

  @Test
  void fieldOrderAndUnknownFieldsDoNotMatter() throws ProtocolException {
    Message decoded =
        codec.decode("{\"rid\":3,\"positionUs\":5,\"extra\":{\"deep\":[1,2]},\"type\":\"seek\"}");
    assertThat(decoded).isEqualTo(new Seek(5, OptionalLong.of(3)));
  }

  @Test
  void rateMayBeWrittenAsAnInteger() throws ProtocolException {
    assertThat(codec.decode("{\"type\":\"set_rate\",\"rate\":2}")).isEqualTo(new SetRate(2.0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "null",
        "[]",
        "\"hello\"",
        "{",
        "{\"type\":\"play\"} {}",
        "{\"type\":\"play\"}x",
        "{\"type\":\"play\",\"type\":\"play\"}",
        "{\"type\":\"seek\",\"positionUs\":1,\"positionUs\":2}",
        "{'type':'play'}",
        "{\"type\":\"play\",}",
        "{\"type\":\"seek\",\"positionUs\":01}",
        "{\"type\":\"seek\",\"positionUs\":NaN}",
        "{\"type\":\"seek\"}",
        "{\"type\":\"seek\",\"positionUs\":\"5\"}",
        "{\"type\":\"seek\",\"positionUs\":5.0}",
        "{\"type\":\"seek\",\"positionUs\":null}",
        "{\"type\":\"play\",\"rid\":\"1\"}",
        "{\"type\":\"set_rate\",\"rate\":true}",
        "{\"type\":\"members\",\"ownerId\":\"u1\",\"members\":{}}",
        "{\"type\":\"members\",\"ownerId\":\"u1\",\"members\":[1]}",
        "{\"type\":\"wait\",\"waitingFor\":[1],\"reason\":\"joining\",\"timeoutAtUs\":0}",
        "{\"type\":1}",
        "{\"kind\":\"play\"}",
        "{\"type\":\"play\"} // comment",
      })
  void malformedInputIsBadMessage(String input) {
    assertRejected(() -> codec.decode(input), ErrorCode.BAD_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"seek\",\"positionUs\":-1}",
        "{\"type\":\"seek\",\"positionUs\":9007199254740992}",
        "{\"type\":\"seek\",\"positionUs\":99999999999999999999999}",
        "{\"type\":\"play\",\"rid\":0}",
        "{\"type\":\"set_rate\",\"rate\":4.01}",
        "{\"type\":\"set_rate\",\"rate\":1e400}",
        "{\"type\":\"join_room\",\"code\":\"7k3m9qxa\"}",
        "{\"type\":\"join_room\",\"code\":\"7K3M9QX\"}",
        "{\"type\":\"swarm_announce\",\"infoHash\":\"C9E15763F722F23E98A29DECDFAE341B98D53056\","
            + "\"port\":1}",
        "{\"type\":\"swarm_announce\",\"infoHash\":\"c9e15763f722f23e98a29decdfae341b98d53056\","
            + "\"port\":65536}",
        "{\"type\":\"swarm_announce\",\"infoHash\":\"c9e15763f722f23e98a29decdfae341b98d53056\","
            + "\"port\":80,\"host\":\"example.org\"}",
        "{\"type\":\"hello\",\"protocol\":1,\"client\":\"x\",\"name\":\"\"}",
        "{\"type\":\"hello\",\"protocol\":1,\"client\":\"x\",\"name\":\"a\\u0000b\"}",
        "{\"type\":\"hello\",\"protocol\":1,\"client\":\"x\",\"name\":\"\\ud800\"}",
        "{\"type\":\"status\",\"state\":\"joining\",\"bufferedAheadUs\":0,\"positionUs\":0,"
            + "\"offsetUs\":0,\"clockErrorUs\":0}",
        "{\"type\":\"transfer_owner\",\"memberId\":\"has space\"}",
      })
  void outOfRangeValuesAreInvalidArgument(String input) {
    assertRejected(() -> codec.decode(input), ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void unknownTypeIsReportedWithTheRid() {
    ProtocolException e =
        assertRejected(
            () -> codec.decode("{\"type\":\"teleport\",\"rid\":12}"), ErrorCode.UNKNOWN_TYPE);
    assertThat(e.rid()).hasValue(12);
    assertThat(e.toErrorMessage().rid()).hasValue(12);
  }

  @Test
  void invalidFieldOfARequestEchoesItsRid() {
    ProtocolException e =
        assertRejected(
            () -> codec.decode("{\"type\":\"seek\",\"positionUs\":-4,\"rid\":77}"),
            ErrorCode.INVALID_ARGUMENT);
    assertThat(e.rid()).hasValue(77);
    assertThat(e.getMessage()).contains("seek").contains("positionUs");
  }

  @Test
  void otherProtocolRevisionsAreUnsupported() {
    assertRejected(
        () -> codec.decode("{\"type\":\"hello\",\"protocol\":2,\"client\":\"x\"}"),
        ErrorCode.UNSUPPORTED_VERSION);
  }

  @Test
  void serverMessagesFromAClientAreUnknownTypes() throws ProtocolException {
    String welcome = codec.encode(SampleMessages.named().get("welcome"));
    assertRejected(() -> codec.decodeFromClient(welcome), ErrorCode.UNKNOWN_TYPE);
    assertThat(codec.decodeFromServer(welcome)).isEqualTo(SampleMessages.named().get("welcome"));
    ClientMessage play = codec.decodeFromClient("{\"type\":\"play\"}");
    assertThat(play).isEqualTo(new Play());
    assertRejected(() -> codec.decodeFromServer("{\"type\":\"play\"}"), ErrorCode.UNKNOWN_TYPE);
  }

  @Test
  void oversizeInputIsTooLargeBeforeParsing() {
    MessageCodec small = MessageCodec.withMaxMessageBytes(20);
    String exactly20 = "{\"type\":\"play\"}     ";
    assertThat(exactly20).hasSize(20);
    assertRejected(() -> small.decode(exactly20 + " "), ErrorCode.TOO_LARGE);
    assertRejected(() -> small.decode("{\"type\":\"play\"}" + "é".repeat(3)), ErrorCode.TOO_LARGE);
    assertRejected(
        () -> small.decode((exactly20 + "  ").getBytes(StandardCharsets.UTF_8)),
        ErrorCode.TOO_LARGE);
    assertRejected(() -> codec.decode("[".repeat(70_000)), ErrorCode.TOO_LARGE);
  }

  @Test
  void limitIsInclusive() throws ProtocolException {
    MessageCodec small = MessageCodec.withMaxMessageBytes(20);
    assertThat(small.decode("{\"type\":\"play\"}     ")).isEqualTo(new Play());
  }

  @Test
  void deepNestingInAnIgnoredFieldIsBadMessage() {
    String deep = "{\"type\":\"play\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";
    assertRejected(() -> codec.decode(deep), ErrorCode.BAD_MESSAGE);
  }

  @Test
  void malformedUtf8IsBadMessage() {
    byte[] bytes = "{\"type\":\"play\",\"x\":\"..\"}".getBytes(StandardCharsets.UTF_8);
    bytes[20] = (byte) 0xC0;
    bytes[21] = (byte) 0x80;
    assertRejected(() -> codec.decode(bytes), ErrorCode.BAD_MESSAGE);
  }

  @Test
  void errorTextNeverQuotesTheInput() {
    String secret = "s3cr3t-token-value";
    ProtocolException e =
        assertRejected(
            () -> codec.decode("{\"type\":\"hello\",\"protocol\":1,\"client\":\"x\",\"token\":\""
                + secret + " with space\"}"),
            ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).doesNotContain(secret);
    ProtocolException malformed =
        assertRejected(() -> codec.decode("{\"token\":\"" + secret + "\" oops}"),
            ErrorCode.BAD_MESSAGE);
    assertThat(malformed.getMessage()).doesNotContain(secret);
  }

  @Test
  void tokensAreRedactedFromToString() {
    Message hello = SampleMessages.named().get("hello-full");
    assertThat(hello.toString()).doesNotContain("eyJhbGciOi").doesNotContain("r3sume");
    assertThat(SampleMessages.named().get("welcome").toString()).doesNotContain("r3sume");
  }

  @Test
  void errorMessageIsTruncatedToTheWireLimit() {
    ProtocolException e = new ProtocolException(ErrorCode.INTERNAL, "x".repeat(600));
    assertThat(e.toErrorMessage().message()).hasSize(512);
  }

  private static ProtocolException assertRejected(ThrowingCallable call, ErrorCode expected) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(ProtocolException.class);
    ProtocolException e = (ProtocolException) thrown;
    assertThat(e.code()).as(e.getMessage()).isEqualTo(expected);
    return e;
  }

  @Test
  void assertRejectedFailsWhenNothingIsThrown() {
    assertThatThrownBy(() -> assertRejected(() -> {}, ErrorCode.BAD_MESSAGE))
        .isInstanceOf(AssertionError.class);
  }
}
