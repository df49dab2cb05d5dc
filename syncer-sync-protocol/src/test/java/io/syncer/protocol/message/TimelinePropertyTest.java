package io.syncer.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class TimelinePropertyTest {

  private static final long MAX_SAFE = (1L << 53) - 1;

  @Provide
  Arbitrary<Double> rates() {
    return Arbitraries.longs()
        .between(Double.doubleToLongBits(0.25), Double.doubleToLongBits(4.0))
        .map(Double::longBitsToDouble);
  }

  @Property(tries = 1000)
  void extrapolationIsTheExactFloor(
      @ForAll @LongRange(min = 0, max = MAX_SAFE) long positionUs,
      @ForAll("rates") double rate,
      @ForAll @LongRange(min = -MAX_SAFE, max = MAX_SAFE) long anchorUs,
      @ForAll @LongRange(min = -MAX_SAFE, max = MAX_SAFE) long serverTimeUs) {
    Timeline timeline = new Timeline(0, Optional.empty(), false, positionUs, rate, anchorUs);
    BigDecimal exact =
        BigDecimal.valueOf(positionUs)
            .add(BigDecimal.valueOf(serverTimeUs - anchorUs).multiply(new BigDecimal(rate)));
    assertThat(timeline.positionAt(serverTimeUs))
        .isEqualTo(exact.setScale(0, RoundingMode.FLOOR).longValueExact());
  }

  @Property(tries = 300)
  void playingNeverGoesBackwards(
      @ForAll @LongRange(min = 0, max = 1L << 40) long positionUs,
      @ForAll("rates") double rate,
      @ForAll @LongRange(min = -(1L << 40), max = 1L << 40) long t,
      @ForAll @LongRange(min = 0, max = 1L << 30) long later) {
    Timeline timeline = new Timeline(0, Optional.empty(), false, positionUs, rate, 0);
    assertThat(timeline.positionAt(t + later)).isGreaterThanOrEqualTo(timeline.positionAt(t));
  }
}
