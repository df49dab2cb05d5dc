package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class ClockEstimateTest {

  @Property(tries = 200)
  void localAndServerTimesConvertBackAndForth(
      @ForAll @LongRange(min = -1L << 50, max = 1L << 50) long atLocalUs,
      @ForAll @LongRange(min = -1L << 50, max = 1L << 50) long offsetUs,
      @ForAll @DoubleRange(min = -1000, max = 1000) double skewPpm,
      @ForAll @LongRange(min = -3_600_000_000L, max = 3_600_000_000L) long distanceUs) {
    ClockEstimate estimate = new ClockEstimate(atLocalUs, offsetUs, skewPpm, 10, 5, true);
    long localUs = atLocalUs + distanceUs;
    long serverUs = estimate.toServerTime(localUs);
    assertThat(Math.abs(serverUs - (localUs + offsetUs + skewPpm * 1e-6 * distanceUs))).isLessThanOrEqualTo(1);
    assertThat(Math.abs(estimate.toLocalTime(serverUs) - localUs)).isLessThanOrEqualTo(1);
  }

  @Property(tries = 50)
  void atItsOwnInstantTheOffsetIsExact(
      @ForAll @LongRange(min = -1L << 50, max = 1L << 50) long atLocalUs,
      @ForAll @LongRange(min = -1L << 50, max = 1L << 50) long offsetUs,
      @ForAll @DoubleRange(min = -1000, max = 1000) double skewPpm) {
    ClockEstimate estimate = new ClockEstimate(atLocalUs, offsetUs, skewPpm, 10, 5, true);
    assertThat(estimate.toServerTime(atLocalUs)).isEqualTo(atLocalUs + offsetUs);
    assertThat(estimate.toLocalTime(atLocalUs + offsetUs)).isEqualTo(atLocalUs);
  }

  @org.junit.jupiter.api.Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new ClockEstimate(0, 0, 0, -1, 1, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClockEstimate(0, 0, Double.NaN, 1, 1, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClockEstimate(0, 0, 0, 1, -1, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
