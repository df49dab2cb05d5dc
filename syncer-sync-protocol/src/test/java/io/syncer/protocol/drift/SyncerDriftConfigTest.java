package io.syncer.protocol.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SyncerDriftConfigTest {

  @Test
  void builderStartsFromTheDefaultsAndSetsWhatItIsTold() {
    SyncerDriftConfig config = SyncerDriftConfig.builder().maxRateDeviation(0.02).deadbandUs(8_000).build();
    assertThat(config.maxRateDeviation()).isEqualTo(0.02);
    assertThat(config.deadbandUs()).isEqualTo(8_000);
    assertThat(config.seekThresholdUs()).isEqualTo(SyncerDriftConfig.defaults().seekThresholdUs());
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThatThrownBy(() -> SyncerDriftConfig.builder().maxRateDeviation(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncerDriftConfig.builder().minRateNudge(0.1).build())
        .as("nudge above the rate limit")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncerDriftConfig.builder().maxTrimPpm(5_000).build())
        .as("trim as large as the smallest nudge")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncerDriftConfig.builder().settleToleranceUs(3_000).build())
        .as("settle tolerance beyond half the deadband")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncerDriftConfig.builder().seekThresholdUs(2_000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncerDriftConfig.builder().filterWindowUs(10).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
