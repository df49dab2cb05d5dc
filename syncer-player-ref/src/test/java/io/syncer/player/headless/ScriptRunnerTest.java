package io.syncer.player.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.core.schedule.VirtualScheduler;
import io.syncer.protocol.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(new ManualClock(5_000_000));
  private final List<String> done = new ArrayList<>();

  private final ScriptRunner.Controls controls =
      new ScriptRunner.Controls() {
        @Override
        public void play() {
          record("play");
        }

        @Override
        public void pause() {
          record("pause");
        }

        @Override
        public void seek(long positionMicros) {
          record("seek " + positionMicros);
        }

        @Override
        public void setRate(double rate) {
          record("rate " + rate);
        }
      };

  private void record(String what) {
    done.add(what + " at " + (scheduler.clock().nowMicros() - 5_000_000));
  }

  private ScriptRunner runner(String script) {
    return new ScriptRunner(
        OwnerScript.parse(script), scheduler, controls, 2_000_000, () -> record("end"));
  }

  @Test
  void runsEachStepAtItsTimeInOrderThenEndsAfterTheSettle() {
    runner("play@0s,rate=1.05@10s,pause@20s,seek=300s@20s,play@30s").start();
    scheduler.advanceBy(60_000_000);
    assertThat(done)
        .containsExactly(
            "play at 0",
            "rate 1.05 at 10000000",
            "pause at 20000000",
            "seek 300000000 at 20000000",
            "play at 30000000",
            "end at 32000000");
  }

  @Test
  void anExplicitEndEndsTheScriptWithoutASettle() {
    runner("play@1s,end@5s").start();
    scheduler.advanceBy(60_000_000);
    assertThat(done).containsExactly("play at 1000000", "end at 5000000");
  }

  @Test
  void aCancelledScriptDoesNothingMoreAndNeverEnds() {
    ScriptRunner runner = runner("play@0s,pause@10s");
    runner.start();
    scheduler.advanceBy(5_000_000);
    runner.cancel();
    scheduler.advanceBy(60_000_000);
    assertThat(done).containsExactly("play at 0");
  }
}
