package io.syncer.benchmarks.torrent;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Plays a file from the start at the media bitrate in 100 ms slices, as a player would, and
 * counts stalls: slices whose bytes were not there when they were due. After a stall the
 * playback clock restarts when the bytes arrive, as a player resumes after buffering.
 */
final class Playback {
  private static final int SLICES_PER_SECOND = 10;

  /** Bytes of the streamed file, as a client under test sees them. */
  interface Media {
    /** Whether {@code [from, to)} is downloaded and verified now. */
    boolean has(long from, long to);

    /** Reads {@code [from, to)}, waiting until it is there. */
    void read(long from, long to) throws IOException, InterruptedException;
  }

  record Result(int stalls, double stalledSeconds) {
    @Override
    public String toString() {
      return stalls + " stalls, " + BenchmarkMovie.format(stalledSeconds) + " s stalled";
    }
  }

  private Playback() {}

  /** Plays {@code seconds} of media (or up to {@code length}) at {@code bytesPerSecond}. */
  static Result play(Media media, long length, long bytesPerSecond, double seconds)
      throws IOException, InterruptedException {
    long slice = Math.max(1, bytesPerSecond / SLICES_PER_SECOND);
    long end = Math.min(length, (long) (seconds * bytesPerSecond));
    long sliceNanos = TimeUnit.SECONDS.toNanos(1) / SLICES_PER_SECOND;
    int stalls = 0;
    long stalledNanos = 0;
    long due = System.nanoTime();
    for (long position = 0; position < end; position += slice) {
      long to = Math.min(end, position + slice);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      if (media.has(position, to)) {
        media.read(position, to);
      } else {
        long stalledAt = System.nanoTime();
        stalls++;
        media.read(position, to);
        long resumed = System.nanoTime();
        stalledNanos += resumed - stalledAt;
        due = resumed;
      }
      due += sliceNanos;
    }
    return new Result(stalls, stalledNanos / 1e9);
  }
}
