package io.syncer.player.headless;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a player (a {@link VirtualPlayer}, or the real one) does against the host's real time,
 * one JSON line per sample:
 * {@code {"wallNanos":…,"positionMicros":…,"rate":…,"paused":…}}. {@code wallNanos} is the
 * host's wall clock in nanoseconds since the epoch, which every process on the host shares and
 * which no emulated clock offset or skew touches, so traces of several participants on one host
 * can be compared at common wall times to measure their real sync error. {@code positionMicros}
 * is the exact media clock (see {@link VirtualPlayer.Sample}).
 *
 * <p>Each line is flushed as it is written, so a trace is complete up to the moment its process
 * stops, however it stops.
 *
 * <p>Thread-safety: {@link #writeSample} and {@link #close} are safe from any thread.
 */
final class TraceWriter implements AutoCloseable {

  /** Sampling period of {@link #start}: 50 samples a second. */
  static final long PERIOD_MICROS = 20_000;

  /** A sample whose wall-clock readings straddle more than this is taken again. */
  private static final long MAX_SAMPLE_SPREAD_NANOS = 1_000_000;

  private static final Logger log = LoggerFactory.getLogger(TraceWriter.class);
  private static final JsonFactory JSON = new JsonFactory();

  private final Supplier<VirtualPlayer.Sample> player;
  private final Clock wallClock;
  private final Writer out;
  private final JsonGenerator json;
  private ScheduledExecutorService sampler;
  private boolean failed;

  TraceWriter(Path file, VirtualPlayer player, Clock wallClock) throws IOException {
    this(file, Objects.requireNonNull(player, "player")::sample, wallClock);
  }

  /** A trace of any player: {@code player} reads its position, rate and state. */
  TraceWriter(Path file, Supplier<VirtualPlayer.Sample> player, Clock wallClock) throws IOException {
    this.player = Objects.requireNonNull(player, "player");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // One object a line: no separator between root values but the newline written after each.
    json.setPrettyPrinter(new MinimalPrettyPrinter(""));
  }

  /** Opens {@code file} (replacing it) and samples {@code player} every 20 ms on its own thread. */
  static TraceWriter start(Path file, VirtualPlayer player) throws IOException {
    return start(file, player::sample);
  }

  /** Opens {@code file} (replacing it) and samples {@code player} every 20 ms on its own thread. */
  static TraceWriter start(Path file, Supplier<VirtualPlayer.Sample> player) throws IOException {
    TraceWriter trace = new TraceWriter(file, player, Clock.systemUTC());
    trace.sampler = Executors.newSingleThreadScheduledExecutor(Threads.daemon("trace-writer"));
    trace.sampler.scheduleAtFixedRate(
        trace::writeSample, 0, PERIOD_MICROS, TimeUnit.MICROSECONDS);
    return trace;
  }

  /**
   * Writes one sample. The player is read between two wall-clock readings and stamped with their
   * midpoint; if the thread was descheduled in between, it samples again.
   */
  synchronized void writeSample() {
    if (failed) {
      return;
    }
    long before;
    long after;
    VirtualPlayer.Sample sample;
    int attempts = 0;
    do {
      before = epochNanos(wallClock.instant());
      sample = player.get();
      after = epochNanos(wallClock.instant());
      attempts++;
    } while (after - before > MAX_SAMPLE_SPREAD_NANOS && attempts < 3);
    try {
      json.writeStartObject();
      json.writeNumberField("wallNanos", before + (after - before) / 2);
      json.writeNumberField("positionMicros", sample.positionMicros());
      json.writeNumberField("rate", sample.rate());
      json.writeBooleanField("paused", sample.paused());
      json.writeEndObject();
      json.writeRaw('\n');
      json.flush();
    } catch (IOException e) {
      // A full disk must not stop the participant; the trace just ends here.
      failed = true;
      log.error("cannot write the trace any more, it ends here: {}", e.toString());
    }
  }

  /** Stops sampling and closes the file. Idempotent. */
  @Override
  public void close() {
    if (sampler != null) {
      sampler.shutdownNow();
      try {
        sampler.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      try {
        json.close();
        out.close();
      } catch (IOException e) {
        log.warn("closing the trace failed: {}", e.toString());
      }
      failed = true;
    }
  }

  private static long epochNanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L),
        instant.getNano());
  }
}
