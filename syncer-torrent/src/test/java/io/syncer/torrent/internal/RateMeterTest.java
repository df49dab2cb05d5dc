package io.syncer.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateMeterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void averagesOverTheLastSamplesOnly() {
    RateMeter meter = new RateMeter(3);

    assertThat(meter.sample(0, 0)).isZero();
    assertThat(meter.sample(SECOND, 1000)).isEqualTo(1000);
    assertThat(meter.sample(2 * SECOND, 3000)).isEqualTo(1500);
    // The first sample has left the window: (3000 + 0) - 1000 over 2 s.
    assertThat(meter.sample(3 * SECOND, 3000)).isEqualTo(1000);
    assertThat(meter.sample(4 * SECOND, 3000)).isZero();
  }

  @Test
  void aCounterThatGoesBackReadsAsNoTraffic() {
    RateMeter meter = new RateMeter(2);
    meter.sample(0, 5000);
    assertThat(meter.sample(SECOND, 100)).isZero();
  }
}
