package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClockSyncConfigTest {

  @Test
  void builderStartsFromTheDefaultsAndSetsWhatItIsTold() {
    ClockSyncConfig config =
        ClockSyncConfig.builder().burstRequests(4).periodicIntervalUs(1_000_000).build();
    assertThat(config.burstRequests()).isEqualTo(4);
    assertThat(config.periodicIntervalUs()).isEqualTo(1_000_000);
    assertThat(config.windowSamples()).isEqualTo(ClockSyncConfig.defaults().windowSamples());
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> ClockSyncConfig.builder().windowSamples(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockSyncConfig.builder().maxSkewPpm(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockSyncConfig.builder().delayFilterFraction(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockSyncConfig.builder().windowSamples(3).convergedSamples(4).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockSyncConfig.builder().jitteryConvergedSamples(3).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockSyncConfig.builder().windowSamples(20).jitteryConvergedSamples(21).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClockSyncConfig.builder().minSkewSamples(2).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
