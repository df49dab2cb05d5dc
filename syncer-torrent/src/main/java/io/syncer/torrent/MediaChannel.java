package io.syncer.torrent;

import io.syncer.torrent.internal.Playhead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * A read-only, seekable view of the file a {@link StreamingTorrent} streams. Reads block until
 * the bytes are downloaded and verified, up to the read timeout ({@link StreamTimeoutException}
 * then; the channel stays usable). While open, the channel is a playhead: the torrent fetches
 * the pieces just ahead of its position first, and a {@link #position(long)} moves that work at
 * once.
 *
 * <p>Thread-safety: reads and seeks are serialized on the channel; {@link #close()} may be called
 * from any thread and makes a blocked read fail with {@link
 * java.nio.channels.AsynchronousCloseException}.
 */
public final class MediaChannel implements SeekableByteChannel {
  private final StreamingTorrent torrent;
  private final Playhead playhead;
  private final long size;
  private final Object readLock = new Object();
  private volatile Duration readTimeout;
  private volatile long position;
  private volatile boolean open = true;

  MediaChannel(StreamingTorrent torrent, Playhead playhead, long size, Duration readTimeout) {
    this.torrent = torrent;
    this.playhead = playhead;
    this.size = size;
    this.readTimeout = readTimeout;
  }

  /**
   * Reads at least one byte, unless at the end of the file, waiting for the bytes to be verified.
   *
   * @return bytes read, or -1 at the end of the file
   * @throws StreamTimeoutException if the bytes were not downloaded within the read timeout
   */
  @Override
  public int read(ByteBuffer target) throws IOException {
    synchronized (readLock) {
      ensureOpen();
      int read = torrent.read(target, position, readTimeout, this);
      if (read > 0) {
        position += read;
        playhead.moveTo(position);
      }
      return read;
    }
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  /** Moves the read position, and with it the playhead; past the end, reads return -1. */
  @Override
  public MediaChannel position(long newPosition) throws IOException {
    if (newPosition < 0) {
      throw new IllegalArgumentException("negative position");
    }
    ensureOpen();
    position = newPosition;
    playhead.moveTo(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return size;
  }

  /** Verified bytes from the current position on, up to the first missing piece. */
  public long bufferedAhead() {
    return torrent.bufferedAhead(position);
  }

  /** How long a read may wait for its bytes before {@link StreamTimeoutException}. */
  public void setReadTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive");
    }
    readTimeout = timeout;
  }

  /** An input stream over this channel from its current position; closing it closes this. */
  public InputStream inputStream() {
    return Channels.newInputStream(this);
  }

  @Override
  public int write(ByteBuffer source) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open && !torrent.isClosed();
  }

  @Override
  public void close() {
    if (open) {
      open = false;
      torrent.channelClosed(this, playhead);
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!isOpen()) {
      throw new ClosedChannelException();
    }
  }
}
