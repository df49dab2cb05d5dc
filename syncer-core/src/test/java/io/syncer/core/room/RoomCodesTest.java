package io.syncer.core.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RoomCodesTest {

  @Test
  void codesHaveAtLeastFortyBitsAndOnlyUnambiguousCharacters() {
    assertThat(RoomCodes.LENGTH * Math.log(RoomCodes.ALPHABET.length()) / Math.log(2))
        .isGreaterThanOrEqualTo(40);
    assertThat(RoomCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
    RoomCodes codes = new RoomCodes();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = codes.next();
      assertThat(code).hasSize(RoomCodes.LENGTH);
      assertThat(code.chars()).allMatch(c -> RoomCodes.ALPHABET.indexOf(c) >= 0);
      seen.add(code);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void normalizesWhatPeopleType() {
    assertThat(RoomCodes.normalize("abcde-fgh23")).contains("ABCDEFGH23");
    assertThat(RoomCodes.normalize(" 2345 6789 ")).contains("23456789");
    assertThat(RoomCodes.normalize("ABCDEFG")).isEmpty();
    assertThat(RoomCodes.normalize("ABCDEFGO")).isEmpty();
    assertThat(RoomCodes.normalize("ABCDEFGH23456789A")).isEmpty();
    assertThat(RoomCodes.normalize(null)).isEmpty();
  }

  @Property(tries = 300)
  void generatedCodesNormalizeToThemselves(@ForAll long seed) {
    String code = new RoomCodes(new Random(seed)).next();
    assertThat(RoomCodes.normalize(code)).contains(code);
    assertThat(RoomCodes.normalize(code.toLowerCase())).contains(code);
  }

  @Property(tries = 300)
  void normalizedInputIsAlwaysAValidCode(@ForAll String typed) {
    RoomCodes.normalize(typed)
        .ifPresent(
            code -> {
              assertThat(code.length()).isBetween(RoomCodes.MIN_LENGTH, RoomCodes.MAX_LENGTH);
              assertThat(code.chars()).allMatch(c -> RoomCodes.ALPHABET.indexOf(c) >= 0);
            });
  }
}
