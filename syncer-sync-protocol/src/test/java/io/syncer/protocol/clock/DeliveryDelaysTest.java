package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DeliveryDelaysTest {

  /** Server = local + 1 s, no skew. */
  private static final ClockEstimate ESTIMATE = new ClockEstimate(0, 1_000_000, 0, 500, 8, true);

  /** A response the server sent at server time {@code sentUs} that arrived {@code delayUs} later. */
  private static ClockSample arrived(long sentUs, long delayUs) {
    long t3 = sentUs + delayUs - 1_000_000;
    return new ClockSample(t3 - 2 * delayUs, sentUs - 100, sentUs, t3);
  }

  private static ClockSample arrivedAfter(long delayUs) {
    return arrived(2_000_000, delayUs);
  }

  @Test
  void isEmptyBeforeTheFirstExchange() {
    assertThat(DeliveryDelays.defaults().largestUs()).isEmpty();
  }

  @Test
  void measuresReceiptOnTheServerClockMinusTheSendTime() {
    DeliveryDelays delays = DeliveryDelays.defaults();
    delays.add(arrivedAfter(42_000), ESTIMATE);
    assertThat(delays.largestUs()).hasValue(42_000);
  }

  @Test
  void forgetsADelayOnceItIsOutsideBothTheWindowAndTheHorizon() {
    DeliveryDelays delays = new DeliveryDelays(4, Duration.ofSeconds(10));
    delays.add(arrived(0, 900_000), ESTIMATE);
    for (int i = 1; i <= 4; i++) {
      delays.add(arrived(i * 1_000_000L, 30_000), ESTIMATE);
    }
    // Four younger exchanges, but all within 10 s: the stall is still remembered.
    assertThat(delays.largestUs()).hasValue(900_000);
    delays.add(arrived(12_000_000, 30_000), ESTIMATE);
    assertThat(delays.largestUs()).hasValue(30_000);
  }

  @Test
  void keepsTheLastWindowOfASparseSamplerWhateverTheirAge() {
    DeliveryDelays delays = new DeliveryDelays(3, Duration.ofSeconds(10));
    delays.add(arrived(0, 500_000), ESTIMATE);
    delays.add(arrived(60_000_000, 20_000), ESTIMATE);
    delays.add(arrived(120_000_000, 20_000), ESTIMATE);
    assertThat(delays.largestUs()).hasValue(500_000);
    delays.add(arrived(180_000_000, 20_000), ESTIMATE);
    assertThat(delays.largestUs()).hasValue(20_000);
  }

  @Test
  void aClockErrorLargerThanTheDelayCountsAsNoDelay() {
    DeliveryDelays delays = DeliveryDelays.defaults();
    delays.add(arrivedAfter(-3_000), ESTIMATE);
    assertThat(delays.largestUs()).hasValue(0);
  }

  @Test
  void clearStartsOver() {
    DeliveryDelays delays = DeliveryDelays.defaults();
    delays.add(arrivedAfter(500_000), ESTIMATE);
    delays.clear();
    assertThat(delays.largestUs()).isEmpty();
    delays.add(arrivedAfter(10_000), ESTIMATE);
    assertThat(delays.largestUs()).hasValue(10_000);
  }

  @Test
  void refusesImpossibleSettings() {
    assertThatThrownBy(() -> new DeliveryDelays(0, Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryDelays(8, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Against the definition: the largest delay among the last window or within the horizon, for
   * responses in the order received.
   */
  @Property(tries = 300)
  void isTheLargestDelayOfTheLastWindowOrTheHorizon(
      @ForAll @IntRange(min = 1, max = 8) int window,
      @ForAll @LongRange(min = 0, max = 5_000_000) long horizonUs,
      @ForAll @Size(min = 1, max = 60) List<@LongRange(min = 0, max = 2_000_000) Long> gapsUs,
      @ForAll @Size(min = 60, max = 60) List<@LongRange(min = -5_000, max = 900_000) Long> delaysUs) {
    DeliveryDelays delays = new DeliveryDelays(window, Duration.ofNanos(horizonUs * 1_000));
    List<long[]> received = new ArrayList<>();
    long receivedOnServerClockUs = 0;
    for (int i = 0; i < gapsUs.size(); i++) {
      receivedOnServerClockUs += gapsUs.get(i);
      ClockSample sample = arrived(receivedOnServerClockUs - delaysUs.get(i), delaysUs.get(i));
      delays.add(sample, ESTIMATE);
      received.add(new long[] {sample.t3Us(), Math.max(0, delaysUs.get(i))});
      long latestUs = sample.t3Us();
      long expected = 0;
      for (int j = 0; j < received.size(); j++) {
        boolean inWindow = received.size() - j <= window;
        boolean inHorizon = latestUs - received.get(j)[0] <= horizonUs;
        if (inWindow || inHorizon) {
          expected = Math.max(expected, received.get(j)[1]);
        }
      }
      assertThat(delays.largestUs()).hasValue(expected);
    }
  }
}
