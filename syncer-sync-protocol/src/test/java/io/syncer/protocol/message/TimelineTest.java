package io.syncer.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static Timeline playing(long positionUs, double rate, long anchorUs) {
    return new Timeline(1, Optional.empty(), false, positionUs, rate, anchorUs);
  }

  @Test
  void pausedTimelineStandsStill() {
    Timeline paused = new Timeline(1, Optional.empty(), true, 5_000, 2.0, 100);
    assertThat(paused.positionAt(100)).isEqualTo(5_000);
    assertThat(paused.positionAt(9_000_000)).isEqualTo(5_000);
  }

  @Test
  void rateOneIsExactIntegerArithmetic() {
    Timeline t = playing(1_000, 1.0, 9_007_199_254_000_000L);
    assertThat(t.positionAt(9_007_199_254_740_991L)).isEqualTo(1_000 + 740_991);
    assertThat(t.positionAt(9_007_199_253_999_000L)).isEqualTo(0);
  }

  @Test
  void otherRatesRoundTowardsNegativeInfinity() {
    assertThat(playing(0, 1.5, 0).positionAt(3)).isEqualTo(4); // 4.5
    assertThat(playing(0, 1.5, 0).positionAt(-3)).isEqualTo(-5); // -4.5
    assertThat(playing(10, 0.25, 0).positionAt(7)).isEqualTo(11); // 10 + 1.75
    assertThat(playing(0, 2.0, 0).positionAt(21)).isEqualTo(42);
    assertThat(playing(0, 4.0, 5).positionAt(4)).isEqualTo(-4);
  }

  @Test
  void decimalRatesUseTheirExactBinaryValue() {
    // 1.1 is 1.100000000000000088817841970012523... so 10 * 1.1 is just above 11.
    assertThat(playing(0, 1.1, 0).positionAt(10)).isEqualTo(11);
    // 0.95 is 0.9499999999999999555910790149937... so 20 * 0.95 is just below 19.
    assertThat(playing(0, 0.95, 0).positionAt(20)).isEqualTo(18);
    assertThat(playing(0, 0.95, 0).positionAt(1_000_000)).isEqualTo(949_999);
  }

  @Test
  void overflowIsReportedNotWrapped() {
    assertThatThrownBy(() -> playing(0, 4.0, 0).positionAt(Long.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> playing(0, 1.0, -9_000_000_000_000_000L).positionAt(Long.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejectsRatesOutsideTheRange() {
    assertThatThrownBy(() -> playing(0, 0.2, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> playing(0, Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> playing(-1, 1.0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
