package io.syncer.core.testing;

import io.syncer.core.library.InvalidTorrentException;
import io.syncer.core.library.MovieFile;
import io.syncer.core.library.MovieSource;
import io.syncer.core.library.TorrentInspector;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TorrentInspector} for tests, without a torrent library: it reads the {@code xt}, {@code
 * dn} and {@code tr} parameters of magnet links, and knows only the .torrent files it made itself
 * with {@link #torrentFile}; any other bytes are refused like broken bencode. Thread-safe.
 */
public final class FakeTorrentInspector implements TorrentInspector {

  private final Map<ByteBuffer, MovieSource> knownTorrents = new ConcurrentHashMap<>();
  private final AtomicInteger made = new AtomicInteger();

  /** A magnet link for {@code infoHash} with a name and one tracker. */
  public static String magnet(String infoHash, String name) {
    return "magnet:?xt=urn:btih:" + infoHash + "&dn=" + encode(name)
        + "&tr=" + encode("udp://tracker.example:1337/announce");
  }

  /** A 40-hex-digit info-hash made from a small number, for readable tests. */
  public static String infoHash(int n) {
    return String.format(Locale.ROOT, "%040x", n);
  }

  /**
   * Bytes this inspector will accept as a .torrent file with the given name and files; they
   * start like bencode but are otherwise opaque.
   */
  public byte[] torrentFile(String infoHash, String name, List<MovieFile> files) {
    byte[] bytes = ("d8:announce" + made.incrementAndGet() + ":fake4:name" + name.length() + ":"
        + name + "e").getBytes(StandardCharsets.UTF_8);
    knownTorrents.put(ByteBuffer.wrap(bytes.clone()),
        new MovieSource(infoHash, name, List.of("http://tracker.example/announce"), files,
            "magnet:?xt=urn:btih:" + infoHash + "&dn=" + encode(name)
                + "&tr=" + encode("http://tracker.example/announce")));
    return bytes;
  }

  @Override
  public MovieSource inspectMagnet(String magnetUri) {
    if (!magnetUri.startsWith("magnet:?")) {
      throw new InvalidTorrentException("not a magnet link");
    }
    String infoHash = null;
    String name = null;
    List<String> trackers = new ArrayList<>();
    for (String parameter : magnetUri.substring("magnet:?".length()).split("&")) {
      int equals = parameter.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = parameter.substring(0, equals);
      String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
      switch (key) {
        case "xt" -> infoHash = value.startsWith("urn:btih:")
            ? value.substring("urn:btih:".length()).toLowerCase(Locale.ROOT) : null;
        case "dn" -> name = value;
        case "tr" -> trackers.add(value);
        default -> { }
      }
    }
    if (infoHash == null || !infoHash.matches("[0-9a-f]{40}")) {
      throw new InvalidTorrentException("the magnet link has no BitTorrent v1 info-hash (xt)");
    }
    return new MovieSource(infoHash, name, trackers, List.of(), magnetUri);
  }

  @Override
  public MovieSource inspectTorrentFile(byte[] torrentFile) {
    MovieSource source = knownTorrents.get(ByteBuffer.wrap(torrentFile));
    if (source == null) {
      throw new InvalidTorrentException("the .torrent file is not valid bencode");
    }
    return source;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
