package io.syncer.benchmarks.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.core.transport.CloseCode;
import io.syncer.core.transport.Session;
import io.syncer.core.transport.SessionListener;
import io.syncer.protocol.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The simulated network: delays as the scenario says, order kept, stalls hold traffic back. */
class SimulatedNetworkTest {

  private static final long START = 1_000_000_000L;

  /** Records when each text arrived. */
  private static final class Recorder implements SessionListener {
    final VirtualScheduler scheduler;
    final List<String> texts = new ArrayList<>();
    final List<Long> arrivals = new ArrayList<>();
    Session session;

    Recorder(VirtualScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public void onText(String text) {
      texts.add(text);
      arrivals.add(scheduler.clock().nowMicros());
    }

    @Override
    public void onRejected(Rejection rejection) {}

    @Override
    public void onClosed(CloseCode code, String reason) {}
  }

  @Test
  void onWanEveryMembersUplinkIsTheLongerWayWhileOnWanMixedItIsDrawn() {
    int uplinkLongerOnWanMixed = 0;
    for (int seed = 1; seed <= 20; seed++) {
      assertThat(fastest(Scenario.WAN, seed, true)).isGreaterThanOrEqualTo(45_000);
      assertThat(fastest(Scenario.WAN, seed, false)).isBetween(35_000L, 44_999L);
      if (fastest(Scenario.WAN_MIXED, seed, true) >= 45_000) {
        uplinkLongerOnWanMixed++;
      }
    }
    assertThat(uplinkLongerOnWanMixed).isBetween(1, 19);
  }

  /** The smallest of 200 one-way delays of a path (base delay plus jitter). */
  private static long fastest(Scenario scenario, long seed, boolean up) {
    NetworkPath path = new NetworkPath(scenario, new SplittableRandom(seed), START, START + 60_000_000);
    long fastest = Long.MAX_VALUE;
    for (int i = 0; i < 200; i++) {
      long sent = START + i * 100_000L;
      fastest = Math.min(fastest, up ? path.upDelayUs(sent) : path.downDelayUs(sent));
    }
    return fastest;
  }

  @Test
  void messagesArriveInOrderNoSoonerThanTheBaseDelay() {
    VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(START));
    NetworkPath path =
        new NetworkPath(Scenario.WAN, new SplittableRandom(5), START, START + 60_000_000);
    Recorder server = new Recorder(scheduler);
    Recorder client = new Recorder(scheduler);
    SimulatedLink.connect(
        session -> {
          server.session = session;
          return server;
        },
        session -> {
          client.session = session;
          return client;
        },
        scheduler, path, "t");
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      sent.add(scheduler.clock().nowMicros());
      client.session.sendText("m" + i, failure -> {});
      scheduler.advanceBy(100_000);
    }
    scheduler.advanceBy(1_000_000);

    assertThat(server.texts).hasSize(200);
    for (int i = 0; i < 200; i++) {
      assertThat(server.texts.get(i)).isEqualTo("m" + i);
      // Up is 40 ms ± 5 ms of asymmetry, plus jitter.
      assertThat(server.arrivals.get(i) - sent.get(i)).isGreaterThanOrEqualTo(35_000);
    }
    double meanDelay = 0;
    for (int i = 0; i < 200; i++) {
      meanDelay += (server.arrivals.get(i) - sent.get(i)) / 200.0;
    }
    assertThat(meanDelay).isBetween(45_000.0, 90_000.0);
  }

  @Test
  void aSpikeHoldsBackWhatIsSentDuringIt() {
    NetworkPath path =
        new NetworkPath(Scenario.MOBILE, new SplittableRandom(9), START, START + 600_000_000);
    long[] spikes = path.spikeStartsUs();
    // Twice a minute on average over ten minutes.
    assertThat(spikes.length).isBetween(8, 35);
    long spike = spikes[0];
    long duringUs = path.upDelayUs(spike + 100_000);
    assertThat(duringUs).isGreaterThanOrEqualTo(400_000 + 75_000);
    assertThat(path.upDelayUs(spike + Scenario.MOBILE.spikeUs())).isLessThan(duringUs);
  }
}
