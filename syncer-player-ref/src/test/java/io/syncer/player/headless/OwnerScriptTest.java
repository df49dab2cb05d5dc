package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.player.headless.OwnerScript.Action;
import io.syncer.player.headless.OwnerScript.Step;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnerScriptTest {

  @Test
  void parsesTheIssuesExample() {
    OwnerScript script = OwnerScript.parse("play@0s,pause@20s,seek=300s@25s,play@30s");
    assertThat(script.steps())
        .containsExactly(
            new Step(0, new Action.Play()),
            new Step(20_000_000, new Action.Pause()),
            new Step(25_000_000, new Action.Seek(300_000_000)),
            new Step(30_000_000, new Action.Play()));
    assertThat(script.lastStepMicros()).isEqualTo(30_000_000);
    assertThat(script.endsExplicitly()).isFalse();
  }

  @Test
  void acceptsRatesUnitsSpacesAndAnExplicitEnd() {
    OwnerScript script =
        OwnerScript.parse(" play@0ms , rate=1.05@1.5s, seek=2m@2m ,pause@1h, end@1h ");
    assertThat(script.steps())
        .containsExactly(
            new Step(0, new Action.Play()),
            new Step(1_500_000, new Action.Rate(1.05)),
            new Step(120_000_000, new Action.Seek(120_000_000)),
            new Step(3_600_000_000L, new Action.Pause()),
            new Step(3_600_000_000L, new Action.End()));
    assertThat(script.endsExplicitly()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          ''                       | empty
          play                     | step 1 'play': expected ACTION@TIME
          play@                    | step 1 'play@': '' is not a duration
          play@10                  | step 1 'play@10': '10' is not a duration like 300s
          play@-1s                 | is not a duration
          jump@1s                  | unknown action 'jump'
          play=1@1s                | play takes no value
          seek@1s                  | seek needs a value, e.g. seek=300s
          seek=@1s                 | seek needs a value
          seek=abc@1s              | 'abc' is not a duration
          rate=fast@1s             | rate 'fast' is not a plain number
          rate=5@1s                | rate 5 is outside 0.25..4
          rate=0.1@1s              | outside 0.25..4
          rate=NaN@1s              | not a plain number
          play@10s,pause@5s        | step 2 'pause@5s': happens before the step ahead of it
          play@0s,end@5s,pause@6s  | step 3 'pause@6s': nothing may follow end
          play@0s,,pause@6s        | step 2 '': expected ACTION@TIME
          play@9999999h            | longer than a week
          """)
  void saysWhatIsWrongWithAMalformedScript(String script, String expected) {
    assertThatThrownBy(() -> OwnerScript.parse(script))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void refusesScriptsLongerThanAnyoneTypes() {
    String tooMany = String.join(",", Collections.nCopies(1_001, "play@0s"));
    assertThatThrownBy(() -> OwnerScript.parse(tooMany)).hasMessageContaining("at most 1000");
    String tooLong = "play@0s" + " ".repeat(OwnerScript.MAX_LENGTH);
    assertThatThrownBy(() -> OwnerScript.parse(tooLong)).hasMessageContaining("characters long");
  }

  @Property(tries = 300)
  void anyTextEitherParsesOrFailsWithAnIllegalArgument(@ForAll String text) {
    try {
      OwnerScript script = OwnerScript.parse(text);
      assertThat(script.steps()).isNotEmpty();
    } catch (IllegalArgumentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 200)
  void durationsRoundTripInEveryUnit(@ForAll("millis") long millis) {
    assertThat(Durations.parseMicros(millis + "ms")).isEqualTo(millis * 1_000);
    assertThat(Durations.parseMicros(millis / 1000.0 + "s")).isEqualTo(millis * 1_000);
  }

  @Provide
  Arbitrary<Long> millis() {
    return Arbitraries.longs().between(0, 100_000_000);
  }

  @Test
  void keepsTheStepsItWasGiven() {
    List<Step> steps = OwnerScript.parse("play@1s,pause@2s").steps();
    assertThatThrownBy(() -> steps.add(new Step(3, new Action.End())))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
