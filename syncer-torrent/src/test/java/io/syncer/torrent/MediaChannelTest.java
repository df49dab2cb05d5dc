package io.syncer.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.syncer.torrent.testing.ThreadLeaks;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads of a torrent nobody seeds: they wait, time out, and end when closed. */
class MediaChannelTest {
  @TempDir Path downloads;

  private ThreadLeaks threads;
  private TorrentStreamer streamer;
  private StreamingTorrent torrent;

  @BeforeEach
  void open() throws Exception {
    threads = ThreadLeaks.baseline();
    streamer = TorrentStreamer.builder()
        .downloadDirectory(downloads)
        .listenAddress(InetAddress.getLoopbackAddress())
        .dht(false)
        .start();
    byte[] torrentFile = Bencode.encode(Map.of("info",
        TorrentMetadataTest.info("Film", List.of(TorrentMetadataTest.file(40_000, "film.mkv"),
            TorrentMetadataTest.file(9_000, "notes.txt")), 49_000)));
    torrent = streamer.open(torrentFile, OpenOptions.defaults().withMediaDuration(Duration.ofSeconds(4)));
  }

  @AfterEach
  void close() throws Exception {
    streamer.close();
    assertThat(threads.survivors()).isEmpty();
  }

  @Test
  void theLargestVideoIsStreamedAndNothingIsBufferedYet() throws Exception {
    assertThat(torrent.file().displayPath()).isEqualTo("film.mkv");
    assertThat(torrent.bufferedRanges()).isEmpty();
    assertThat(torrent.bufferedAhead(0)).isZero();
    try (MediaChannel channel = torrent.openChannel()) {
      assertThat(channel.size()).isEqualTo(40_000);
      assertThat(channel.position(50_000).read(ByteBuffer.allocate(10))).isEqualTo(-1);
      assertThatThrownBy(() -> channel.write(ByteBuffer.allocate(1)))
          .isInstanceOf(NonWritableChannelException.class);
    }
    assertThat(torrent.status().playheadPosition()).isZero();
  }

  @Test
  void aReadOfAMissingPieceTimesOutAndTheChannelStaysUsable() throws Exception {
    try (MediaChannel channel = torrent.openChannel()) {
      channel.setReadTimeout(Duration.ofMillis(300));

      assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(10)))
          .isInstanceOf(StreamTimeoutException.class)
          .hasMessageContaining("not downloaded within 300 ms");
      assertThat(channel.isOpen()).isTrue();
      assertThat(torrent.status().stalls()).isEqualTo(1);
    }
  }

  @Test
  void closingAChannelEndsABlockedReadAtOnce() throws Exception {
    MediaChannel channel = torrent.openChannel();
    CompletableFuture<Integer> read = blockedRead(channel);

    channel.close();

    assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(AsynchronousCloseException.class);
    assertThatThrownBy(() -> channel.read(ByteBuffer.allocate(1)))
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void closingTheTorrentEndsReadsAndRefusesNewChannels() throws Exception {
    MediaChannel channel = torrent.openChannel();
    CompletableFuture<Integer> read = blockedRead(channel);

    torrent.close();

    assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(torrent::openChannel).isInstanceOf(ClosedChannelException.class);
    assertThat(streamer.torrent(torrent.infoHash())).isEmpty();
  }

  /** A read started on another thread, once it waits for its piece. */
  private CompletableFuture<Integer> blockedRead(MediaChannel channel) throws InterruptedException {
    CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
      try {
        return channel.read(ByteBuffer.allocate(10));
      } catch (java.io.IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    awaitStalled();
    return read;
  }

  private void awaitStalled() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!torrent.status().stalled() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(torrent.status().stalled()).isTrue();
  }
}
