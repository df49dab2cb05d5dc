package io.syncer.player.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.protocol.time.ManualClock;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MediaClockTest {

  private final ManualClock wall = new ManualClock(1_000_000L);
  private final MediaClock clock = new MediaClock(wall);

  @Test
  void advancesAtTheRateOnlyWhileRunning() {
    clock.setPosition(5_000_000L);
    wall.advance(300_000L);
    assertThat(clock.positionUs()).isEqualTo(5_000_000L);

    clock.start();
    wall.advance(1_000_000L);
    assertThat(clock.positionUs()).isEqualTo(6_000_000L);

    clock.setRate(1.05);
    wall.advance(1_000_000L);
    assertThat(clock.positionUs()).isEqualTo(7_050_000L);

    clock.stop();
    wall.advance(1_000_000L);
    assertThat(clock.positionUs()).isEqualTo(7_050_000L);
  }

  @Test
  void tellsHowLongUntilAMediaTimeAtTheCurrentRate() {
    clock.setRate(0.5);
    assertThat(clock.wallMicrosUntil(100_000L)).isEqualTo(Long.MAX_VALUE);
    clock.start();
    assertThat(clock.wallMicrosUntil(100_000L)).isEqualTo(200_000L);
    wall.advance(200_000L);
    assertThat(clock.wallMicrosUntil(100_000L)).isZero();
  }

  /** Whatever the sequence of commands, the position never jumps except by setPosition. */
  @Property(tries = 200)
  void positionIsContinuousAndFollowsTheRate(@ForAll("commands") @Size(max = 40) List<Command> commands) {
    for (Command command : commands) {
      long before = clock.positionUs();
      double rate = clock.rate();
      boolean running = clock.isRunning();
      switch (command.kind()) {
        case 0 -> clock.start();
        case 1 -> clock.stop();
        case 2 -> clock.setRate(0.5 + command.value() % 1500 / 1000.0);
        default -> {
          wall.advance(command.value());
          long expected = running ? before + Math.round(command.value() * rate) : before;
          assertThat(clock.positionUs()).isBetween(expected - 1, expected + 1);
          continue;
        }
      }
      assertThat(clock.positionUs()).isEqualTo(before);
    }
  }

  record Command(int kind, long value) {}

  @Provide
  Arbitrary<List<Command>> commands() {
    Arbitrary<Command> command =
        net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.longs().between(0, 5_000_000L))
            .as(Command::new);
    return command.list();
  }
}
