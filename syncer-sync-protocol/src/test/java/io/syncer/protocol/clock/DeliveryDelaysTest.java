package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryDelaysTest {

  /** Server = local + 1 s, no skew. */
  private static final ClockEstimate ESTIMATE = new ClockEstimate(0, 1_000_000, 0, 500, 8, true);

  /** A response the server sent at server time 2 s that arrived {@code delayUs} later. */
  private static ClockSample arrivedAfter(long delayUs) {
    long t2 = 2_000_000;
    long t3 = t2 + delayUs - 1_000_000;
    return new ClockSample(t3 - 2 * delayUs, t2 - 100, t2, t3);
  }

  @Test
  void isEmptyBeforeTheFirstExchange() {
    assertThat(DeliveryDelays.defaults().percentileUs()).isEmpty();
  }

  @Test
  void measuresReceiptOnTheServerClockMinusTheSendTime() {
    DeliveryDelays delays = DeliveryDelays.defaults();
    delays.add(arrivedAfter(42_000), ESTIMATE);
    assertThat(delays.percentileUs()).hasValue(42_000);
  }

  @Test
  void reportsTheNearestRankPercentileOfTheWindow() {
    DeliveryDelays delays = new DeliveryDelays(20, 0.95);
    for (int i = 1; i <= 20; i++) {
      delays.add(arrivedAfter(i * 1_000L), ESTIMATE);
    }
    // Rank ceil(0.95 × 20) = 19.
    assertThat(delays.percentileUs()).hasValue(19_000);
  }

  @Test
  void forgetsDelaysOlderThanTheWindow() {
    DeliveryDelays delays = new DeliveryDelays(4, 1.0);
    delays.add(arrivedAfter(900_000), ESTIMATE);
    for (int i = 0; i < 4; i++) {
      delays.add(arrivedAfter(30_000), ESTIMATE);
    }
    assertThat(delays.percentileUs()).hasValue(30_000);
  }

  @Test
  void aClockErrorLargerThanTheDelayCountsAsNoDelay() {
    DeliveryDelays delays = DeliveryDelays.defaults();
    delays.add(arrivedAfter(-3_000), ESTIMATE);
    assertThat(delays.percentileUs()).hasValue(0);
  }

  @Test
  void clearStartsOver() {
    DeliveryDelays delays = DeliveryDelays.defaults();
    delays.add(arrivedAfter(500_000), ESTIMATE);
    delays.clear();
    assertThat(delays.percentileUs()).isEmpty();
    delays.add(arrivedAfter(10_000), ESTIMATE);
    assertThat(delays.percentileUs()).hasValue(10_000);
  }

  @Test
  void refusesImpossibleSettings() {
    assertThatThrownBy(() -> new DeliveryDelays(0, 0.99))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryDelays(8, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeliveryDelays(8, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
