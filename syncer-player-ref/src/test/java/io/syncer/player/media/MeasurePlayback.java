package io.syncer.player.media;

import io.syncer.player.testing.EventRecorder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Measures what the drift controller and operators care about on one video: time to open, exact
 * seek latency, how late frames reach the screen relative to the media clock, and CPU while
 * playing. Prints one line per figure; docs/benchmarks/player.md says how to run it.
 *
 * <p>Arguments: VIDEO [SEEKS]. Runs headless and silent.
 */
public final class MeasurePlayback {

  private MeasurePlayback() {}

  public static void main(String[] args) throws Exception {
    Path video = Path.of(args[0]);
    int seeks = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    long start = System.nanoTime();
    boolean loaded = FfmpegPlayerBackend.loadNatives();
    print("native load (ms)", (System.nanoTime() - start) / 1e6);
    if (!loaded) {
      System.exit(1);
    }
    List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
    try (FfmpegPlayerBackend player = FfmpegPlayerBackend.builder().silent(true).build()) {
      EventRecorder events = new EventRecorder();
      player.addListener(events);
      start = System.nanoTime();
      player.open(video);
      MediaInfo info = events.next(PlayerEvent.Opened.class).info();
      print("open to Opened (ms)", (System.nanoTime() - start) / 1e6);
      System.out.printf(Locale.ROOT, "media: %s %dx%d %.2f fps %s, %s%n", info.videoCodec(), info.width(), info.height(),
          info.frameRate(), info.audioCodec(), info.format());

      Random random = new Random(42);
      List<Long> latencies = new ArrayList<>();
      for (int i = 0; i < seeks; i++) {
        long target = (long) (random.nextDouble() * info.durationUs() * 0.95);
        player.seek(target, true);
        latencies.add(events.next(PlayerEvent.Seeked.class).latencyUs());
      }
      Collections.sort(latencies);
      print("exact seek latency p50 (ms)", percentile(latencies, 0.50) / 1000.0);
      print("exact seek latency p95 (ms)", percentile(latencies, 0.95) / 1000.0);
      print("exact seek latency max (ms)", latencies.get(latencies.size() - 1) / 1000.0);

      player.seek(0L, true);
      events.next(PlayerEvent.Seeked.class);
      player.setVideoSink(frame -> lateness.add(player.positionUs() - frame.ptsUs()));
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpuStart = os.getProcessCpuTime();
      long wallStart = System.nanoTime();
      player.play();
      long playSeconds = Math.min(8, Math.max(1, info.durationUs() / 1_000_000L - 1));
      TimeUnit.SECONDS.sleep(playSeconds);
      long cpu = os.getProcessCpuTime() - cpuStart;
      long wall = System.nanoTime() - wallStart;
      player.pause();
      print("CPU while playing at 1x (% of one core)", 100.0 * cpu / wall);
      List<Long> late;
      synchronized (lateness) {
        late = new ArrayList<>(lateness.subList(1, lateness.size()));
      }
      Collections.sort(late);
      print("frames presented", late.size());
      print("presentation lateness p50 (ms)", percentile(late, 0.50) / 1000.0);
      print("presentation lateness p95 (ms)", percentile(late, 0.95) / 1000.0);
      print("presentation lateness max (ms)", late.get(late.size() - 1) / 1000.0);
    }
  }

  private static long percentile(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
  }

  private static void print(String what, double value) {
    System.out.printf(Locale.ROOT, "%-42s %10.1f%n", what, value);
  }
}
