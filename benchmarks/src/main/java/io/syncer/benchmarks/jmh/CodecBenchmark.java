package io.syncer.benchmarks.jmh;

import io.syncer.protocol.codec.MessageCodec;
import io.syncer.protocol.codec.ProtocolException;
import io.syncer.protocol.message.Message;
import io.syncer.protocol.message.PlayerState;
import io.syncer.protocol.message.Status;
import io.syncer.protocol.message.Timeline;
import io.syncer.protocol.message.TimelineCause;
import io.syncer.protocol.message.TimelineUpdate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the two hottest codec paths: encoding a timeline broadcast (once per owner command,
 * then fanned out as identical bytes) and decoding a member's periodic status report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

  private final MessageCodec codec = MessageCodec.create();
  private final TimelineUpdate timeline =
      new TimelineUpdate(
          new Timeline(42, Optional.of("movie-1"), false, 1_234_567_890L, 1.0, 987_654_321_000L),
          TimelineCause.SEEK,
          "m-3f9a");
  private final String statusJson =
      codec.encode(new Status(PlayerState.READY, 12_000_000L, 1_234_000_000L, -1_250L, 900L));

  @Benchmark
  public String encodeTimeline() {
    return codec.encode(timeline);
  }

  @Benchmark
  public Message decodeStatus() throws ProtocolException {
    return codec.decode(statusJson);
  }
}
