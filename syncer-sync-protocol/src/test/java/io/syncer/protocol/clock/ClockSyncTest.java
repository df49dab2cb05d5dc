package io.syncer.protocol.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClockSyncTest {

  private static final long SERVER_AHEAD_US = 7_000_000_000L;

  private final ClockSync clock = new ClockSync(ClockSyncConfig.defaults());

  /** Sends a request at {@code t0} and answers it after {@code upUs} + {@code downUs}. */
  private SampleOutcome exchange(long t0, long upUs, long processingUs, long downUs) {
    clock.requestSent(t0);
    long t1 = t0 + upUs + SERVER_AHEAD_US;
    return clock.addSample(new ClockSample(t0, t1, t1 + processingUs, t0 + upUs + processingUs + downUs));
  }

  @Test
  void burstsThenSendsPeriodically() {
    assertThat(clock.nextRequestAtUs()).isEqualTo(Long.MIN_VALUE);
    long t = 1_000;
    for (int i = 1; i <= 8; i++) {
      clock.requestSent(t);
      long expectedGap = i < 8 ? 100_000 : 2_000_000;
      assertThat(clock.nextRequestAtUs()).as("after request %d", i).isEqualTo(t + expectedGap);
      t = clock.nextRequestAtUs();
    }
    clock.requestSent(t + 5);
    assertThat(clock.nextRequestAtUs()).isEqualTo(t + 5 + 2_000_000);
  }

  @Test
  void keepsTheShortBurstOnAQuietPath() {
    long t = 1_000;
    for (int i = 1; i <= 9; i++) {
      // Delays between 20.05 and 22.05 ms: the median is within 5 ms of the minimum.
      exchange(t, 10_000 + 500 * (i % 5), 50, 10_000);
      long expectedGap = i < 8 ? 100_000 : 2_000_000;
      assertThat(clock.nextRequestAtUs()).as("after request %d", i).isEqualTo(t + expectedGap);
      t = clock.nextRequestAtUs();
    }
  }

  @Test
  void samplesLongerAndMoreOftenOnAJitteryPath() {
    ClockSync jittery =
        new ClockSync(
            ClockSyncConfig.builder().jitteryBurstRequests(12).jitteryPeriodicIntervalUs(500_000).build());
    long t = 1_000;
    long[] delaysUs = {20_000, 60_000, 40_000, 90_000};
    for (int i = 1; i <= 14; i++) {
      jittery.requestSent(t);
      long delayUs = delaysUs[(i - 1) % delaysUs.length];
      long t1 = t + delayUs / 2 + SERVER_AHEAD_US;
      jittery.addSample(new ClockSample(t, t1, t1, t + delayUs));
      // The first request is judged with no samples in; from the fifth on the window's median
      // delay (40 ms) is 20 ms above its minimum.
      long expectedGap = i < 12 ? 100_000 : 500_000;
      assertThat(jittery.nextRequestAtUs() - t).as("after request %d", i).isEqualTo(expectedGap);
      t = jittery.nextRequestAtUs();
    }
  }

  @Test
  void keepsToTheQuietScheduleWhileARequestGoesUnanswered() {
    long t = 1_000;
    long[] delaysUs = {20_000, 60_000, 40_000, 90_000};
    for (int i = 1; i <= 8; i++) {
      exchange(t, delaysUs[(i - 1) % 4] / 2, 0, delaysUs[(i - 1) % 4] / 2);
      t = clock.nextRequestAtUs();
    }
    assertThat(clock.nextRequestAtUs()).as("jittery: the burst goes on").isEqualTo(801_000);
    long unansweredAt = t;
    clock.requestSent(unansweredAt); // a server under load leaves it unanswered
    t = clock.nextRequestAtUs();
    for (int i = 0; t - unansweredAt < ClockSync.UNANSWERED_FLOOR_US; i++) {
      exchange(t, delaysUs[i % 4] / 2, 0, delaysUs[i % 4] / 2);
      assertThat(clock.nextRequestAtUs() - t).as("at %d", t).isEqualTo(100_000);
      t = clock.nextRequestAtUs();
    }
    exchange(t, 10_000, 0, 10_000);
    assertThat(clock.nextRequestAtUs() - t).isEqualTo(2_000_000);
  }

  @Test
  void refusesResponsesToRequestsItNeverSentOrAlreadyHeard() {
    ClockSample sample = new ClockSample(1_000, 2_000, 2_100, 3_000);
    assertThat(clock.addSample(sample)).isEqualTo(SampleOutcome.UNSOLICITED);
    clock.requestSent(1_000);
    assertThat(clock.addSample(sample)).isEqualTo(SampleOutcome.ACCEPTED);
    assertThat(clock.addSample(sample)).isEqualTo(SampleOutcome.UNSOLICITED);
  }

  @Test
  void refusesImpossibleTimestamps() {
    long max = ClockSample.MAX_ABS_TIMESTAMP_US;
    ClockSample[] impossible = {
      new ClockSample(1_000, 5_000, 6_000, 900), // received before sent
      new ClockSample(1_000, 6_000, 5_000, 3_000), // server answered before it received
      new ClockSample(1_000, 5_000, 9_000, 3_000), // server took longer than the round trip
      new ClockSample(1_000, max + 1, max + 1, 3_000), // beyond the exactly representable range
      new ClockSample(1_000, 5_000, 5_000, 1_000 + 10_000_001), // round trip over 10 s
    };
    for (ClockSample sample : impossible) {
      clock.requestSent(sample.t0Us());
      assertThat(clock.addSample(sample)).as(sample.toString()).isEqualTo(SampleOutcome.INVALID);
    }
    assertThat(clock.estimate(0)).isEmpty();
  }

  @Test
  void oneSampleGivesItsOffsetWithHalfTheDelayAsBound() {
    assertThat(exchange(1_000_000, 30_000, 500, 50_000)).isEqualTo(SampleOutcome.ACCEPTED);
    ClockEstimate estimate = clock.estimate(1_080_500).orElseThrow();
    // offset = ((t1 - t0) + (t2 - t3)) / 2 = ((30 000 + A) + (-50 000 + A)) / 2 = A - 10 000
    assertThat(estimate.offsetUs()).isEqualTo(SERVER_AHEAD_US - 10_000);
    // delay 80 000 -> 40 000, plus 500 ppm over the 80.5 ms exchange and the 40.25 ms since its
    // midpoint: 40.25 + 20.125 -> 40 061 after rounding up
    assertThat(estimate.errorBoundUs()).isEqualTo(40_061);
    assertThat(estimate.skewPpm()).isZero();
    assertThat(estimate.sampleCount()).isEqualTo(1);
    assertThat(estimate.converged()).isFalse();
  }

  @Test
  void convergesAfterFourSamples() {
    for (int i = 0; i < 4; i++) {
      assertThat(clock.estimate(i * 100_000L).map(ClockEstimate::converged)).isNotEqualTo(java.util.Optional.of(true));
      exchange(i * 100_000L, 20_000, 100, 20_000);
    }
    assertThat(clock.estimate(400_000).orElseThrow().converged()).isTrue();
  }

  /** Answers a request every 100 ms with delays between 20 and 90 ms, from {@code from} on. */
  private static void jitteryExchanges(ClockSync clock, int from, int to, Runnable afterEach) {
    long[] downUs = {10_000, 50_000, 30_000, 80_000};
    for (int i = from; i < to; i++) {
      long t0 = i * 100_000L;
      clock.requestSent(t0);
      long t1 = t0 + 10_000 + SERVER_AHEAD_US;
      clock.addSample(new ClockSample(t0, t1, t1, t0 + 10_000 + downUs[i % downUs.length]));
      afterEach.run();
    }
  }

  @Test
  void convergesOnlyAfterManyMoreSamplesOnAJitteryPath() {
    ClockSync jittery = new ClockSync(ClockSyncConfig.builder().jitteryConvergedSamples(10).build());
    int[] samples = {0};
    // From the fourth sample on the window's median delay is 20 ms or more above its minimum.
    jitteryExchanges(jittery, 0, 10, () -> {
      samples[0]++;
      assertThat(jittery.estimate(samples[0] * 100_000L).orElseThrow().converged())
          .as("after %d samples", samples[0])
          .isEqualTo(samples[0] >= 10);
    });
  }

  @Test
  void convergesOnFewSamplesWhileTheServerLeavesARequestUnanswered() {
    ClockSync jittery = new ClockSync(ClockSyncConfig.builder().jitteryConvergedSamples(10).build());
    jitteryExchanges(jittery, 0, 4, () -> {});
    long unansweredT0 = 400_000;
    jittery.requestSent(unansweredT0);
    // Unanswered for max(1 s, 4 median delays = 160 ms): more samples are not coming.
    assertThat(jittery.estimate(unansweredT0 + 999_999).orElseThrow().converged()).isFalse();
    assertThat(jittery.estimate(unansweredT0 + 1_000_000).orElseThrow().converged()).isTrue();
  }

  @Test
  void combinesTheFastestUpAndDownPathsOfDifferentSamples() {
    exchange(0, 20_000, 0, 60_000); // fast up, slow down
    exchange(100_000, 60_000, 0, 20_000); // slow up, fast down
    ClockEstimate estimate = clock.estimate(200_000).orElseThrow();
    // Together they pin the offset to within 20 ms each way, centred on the truth.
    assertThat(estimate.offsetUs()).isCloseTo(SERVER_AHEAD_US, within(100L));
    assertThat(estimate.errorBoundUs()).isBetween(20_000L, 20_200L);
  }

  @Test
  void ignoresSamplesFarSlowerThanTheFastestForSkew() {
    exchange(0, 20_000, 0, 20_000);
    assertThat(exchange(100_000, 200_000, 0, 20_000)).isEqualTo(SampleOutcome.HIGH_DELAY);
    assertThat(exchange(400_000, 21_000, 0, 21_000)).isEqualTo(SampleOutcome.ACCEPTED);
  }

  @Test
  void estimatesSkewAndCarriesTheOffsetForward() {
    double skewPpm = 150;
    for (long t0 = 0; t0 <= 60_000_000; t0 += 2_000_000) {
      long serverAhead = SERVER_AHEAD_US + Math.round(skewPpm * 1e-6 * (t0 + 20_000));
      clock.requestSent(t0);
      long t1 = t0 + 20_000 + serverAhead;
      clock.addSample(new ClockSample(t0, t1, t1, t0 + 40_000));
    }
    long now = 61_000_000;
    ClockEstimate estimate = clock.estimate(now).orElseThrow();
    assertThat(estimate.skewPpm()).isCloseTo(skewPpm, within(0.1));
    long trueOffset = SERVER_AHEAD_US + Math.round(skewPpm * 1e-6 * now);
    assertThat(estimate.offsetUs()).isCloseTo(trueOffset, within(estimate.errorBoundUs()));
    assertThat(estimate.offsetUs()).isCloseTo(trueOffset, within(5L));
  }

  @Test
  void discardsHistoryAndBurstsAgainWhenAClockJumps() {
    for (int i = 0; i < 10; i++) {
      exchange(i * 100_000L, 20_000, 0, 20_000);
    }
    long t0 = 10_000_000;
    clock.requestSent(t0);
    long t1 = t0 + 20_000 + SERVER_AHEAD_US + 5_000_000; // the server clock jumped 5 s
    assertThat(clock.addSample(new ClockSample(t0, t1, t1, t0 + 40_000)))
        .isEqualTo(SampleOutcome.CLOCK_STEP);
    ClockEstimate estimate = clock.estimate(t0 + 40_000).orElseThrow();
    assertThat(estimate.sampleCount()).isEqualTo(1);
    assertThat(estimate.offsetUs()).isEqualTo(SERVER_AHEAD_US + 5_000_000);
    assertThat(clock.nextRequestAtUs()).isEqualTo(t0 + 40_000);
  }

  @Test
  void keepsOnlyTheConfiguredWindow() {
    ClockSync small =
        new ClockSync(
            ClockSyncConfig.builder()
                .windowSamples(5)
                .convergedSamples(2)
                .jitteryConvergedSamples(2)
                .build());
    for (long t0 = 0; t0 < 2_000_000; t0 += 100_000) {
      small.requestSent(t0);
      small.addSample(new ClockSample(t0, t0 + 10_000, t0 + 10_000, t0 + 20_000));
    }
    assertThat(small.estimate(2_000_000).orElseThrow().sampleCount()).isEqualTo(5);
  }
}
