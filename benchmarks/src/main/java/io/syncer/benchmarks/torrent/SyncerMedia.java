package io.syncer.benchmarks.torrent;

import io.syncer.torrent.MediaChannel;
import io.syncer.torrent.StreamingTorrent;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Our stack under {@link Playback}: reads through a {@link MediaChannel}, which moves its playhead. */
final class SyncerMedia implements Playback.Media {
  private final StreamingTorrent torrent;
  private final MediaChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

  SyncerMedia(StreamingTorrent torrent, MediaChannel channel) {
    this.torrent = torrent;
    this.channel = channel;
  }

  @Override
  public boolean has(long from, long to) {
    return torrent.bufferedAhead(from) >= to - from;
  }

  @Override
  public void read(long from, long to) throws IOException {
    channel.position(from);
    long position = from;
    while (position < to) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
      int read = channel.read(buffer);
      if (read < 0) {
        throw new IOException("end of file at " + position + ", expected " + to);
      }
      position += read;
    }
  }
}
