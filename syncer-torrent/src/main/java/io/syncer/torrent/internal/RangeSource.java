package io.syncer.torrent.internal;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;

/** Something the HTTP server can serve byte ranges of. Implementations are thread-safe. */
public interface RangeSource {

  long length();

  String contentType();

  /**
   * A reader from {@code position}. Opening must not block (the server calls it on its event
   * loop); reads may block until bytes exist. The server closes it when the response ends or the
   * client goes away.
   */
  ReadableByteChannel open(long position) throws IOException;
}
