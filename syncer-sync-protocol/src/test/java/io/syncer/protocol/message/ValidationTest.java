package io.syncer.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0", "192.0.2.255", "::", "::1", "2001:db8::7", "fe80::1:2:3:4:5:6",
        "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "1:2:3:4:5:6:192.0.2.1", "ABCD::"
      })
  void acceptsIpLiterals(String host) {
    assertThat(new SwarmPeer("u1", host, 1).host()).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "localhost", "192.0.2", "192.0.2.256", "192.0.2.01", "1.2.3.4.5", ":::", "1::2::3",
        "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "[::1]", "fe80::1%eth0", "12345::", "::1.2.3",
        "1:2:3:4:5:6:7::192.0.2.1", "1:", ":1"
      })
  void rejectsAnythingElseAsHost(String host) {
    assertThatThrownBy(() -> new SwarmPeer("u1", host, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roomCodesNormalizeWhatPeopleType() {
    assertThat(RoomCodes.normalize("7k3m-9qxa")).contains("7K3M9QXA");
    assertThat(RoomCodes.normalize("oil0 1234")).contains("0110" + "1234");
    assertThat(RoomCodes.normalize("7K3M9QX")).isEmpty();
    assertThat(RoomCodes.normalize("7K3M9QXU")).isEmpty();
    assertThat(RoomCodes.isValid("7K3M9QXA")).isTrue();
  }

  @Test
  void displayNamesCountCodePoints() {
    String sixtyFourEmoji = "🎬".repeat(64);
    assertThat(new Member("u", sixtyFourEmoji, MemberState.READY, 0, 0, 0).name())
        .isEqualTo(sixtyFourEmoji);
    assertThatThrownBy(() -> new Member("u", sixtyFourEmoji + "x", MemberState.READY, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memberIdsMustBeDistinct() {
    Member a = new Member("u1", "A", MemberState.READY, 0, 0, 0);
    assertThatThrownBy(() -> new Members("u1", List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Wait(List.of("u1", "u1"), WaitReason.JOINING, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ridMustBeAPositiveSafeInteger() {
    assertThatThrownBy(() -> new Play(OptionalLong.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Play(OptionalLong.of(1L << 53)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Play(OptionalLong.of((1L << 53) - 1)).rid()).hasValue((1L << 53) - 1);
  }

  @Test
  void magnetMustBeAMagnetUri() {
    String hash = "c9e15763f722f23e98a29decdfae341b98d53056";
    assertThatThrownBy(
            () -> new Media("m", "t", hash, "http://x/" + hash, 0, OptionalLong.empty(),
                OptionalLong.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clockResponseCannotLeaveBeforeItArrived() {
    assertThatThrownBy(() -> new ClockResponse(0, 10, 9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionalsAreNeverNull() {
    assertThatThrownBy(
            () -> new Hello(1, "c", null, Optional.empty(), Optional.empty(), OptionalLong.empty()))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void wireNamesRoundTrip() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.fromWireName(code.wireName())).contains(code);
    }
    assertThat(ErrorCode.TOO_LARGE.wireName()).isEqualTo("too_large");
    assertThat(MessageType.CLOCK_REQUEST.wireName()).isEqualTo("clock_request");
    assertThat(MessageType.fromWireName("CLOCK_REQUEST")).isEmpty();
  }

  @Test
  void onlyMalformedOversizeAndWrongVersionCloseTheConnection() {
    assertThat(Arrays.stream(ErrorCode.values()).filter(ErrorCode::closesConnection))
        .containsExactlyInAnyOrder(
            ErrorCode.BAD_MESSAGE, ErrorCode.TOO_LARGE, ErrorCode.UNSUPPORTED_VERSION);
  }
}
