package io.syncer.torrent.internal;

/**
 * Where one reader of a file is reading; the piece selector fetches the pieces ahead of it first.
 * Readers move it on every read and seek; the selector reads it whenever bt asks for pieces.
 */
public final class Playhead {
  private volatile long position;

  Playhead(long position) {
    this.position = position;
  }

  public long position() {
    return position;
  }

  public void moveTo(long newPosition) {
    position = newPosition;
  }
}
