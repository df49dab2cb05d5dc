package io.syncer.torrent.internal;

import bt.protocol.Protocols;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.MagnetLink;
import io.syncer.torrent.PeerAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses magnet links strictly enough for hostile input and formats canonical ones.
 *
 * <p>bt's own {@code MagnetUriParser} percent-decodes the whole query before splitting it on
 * {@code &} (so a tracker URL with an encoded {@code &} breaks) and throws unchecked exceptions
 * of several kinds on malformed input; this parser splits first, decodes each value, and reports
 * every problem as an {@link InvalidTorrentException}. The info-hash is decoded with bt's
 * {@link Protocols} helpers.
 */
public final class MagnetParser {
  /** Longest magnet link accepted (generous: the room protocol carries at most 8192). */
  public static final int MAX_LENGTH = 64 * 1024;

  /** Longest magnet link {@link #format} produces. */
  public static final int MAX_FORMATTED_LENGTH = 8192;

  private static final int MAX_TRACKERS = 100;
  private static final int MAX_PEERS = 200;
  private static final int MAX_NAME_LENGTH = 1024;
  private static final String BTIH = "urn:btih:";

  private MagnetParser() {}

  public static MagnetLink parse(String text) throws InvalidTorrentException {
    if (text == null) {
      throw new InvalidTorrentException("magnet link is missing");
    }
    String magnet = text.strip();
    if (magnet.length() > MAX_LENGTH) {
      throw new InvalidTorrentException(
          "magnet link is too long (" + magnet.length() + " characters, limit " + MAX_LENGTH + ")");
    }
    if (!magnet.regionMatches(true, 0, "magnet:?", 0, 8)) {
      throw new InvalidTorrentException("not a magnet link (must start with 'magnet:?')");
    }
    String infoHash = null;
    String name = "";
    Set<String> trackers = new LinkedHashSet<>();
    Set<PeerAddress> peers = new LinkedHashSet<>();
    boolean sawV2Hash = false;
    for (String parameter : magnet.substring(8).split("&")) {
      if (parameter.isEmpty()) {
        continue;
      }
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        throw new InvalidTorrentException(
            "magnet parameter without a value: '" + excerpt(parameter) + "'");
      }
      String key = parameter.substring(0, equals);
      String value = decode(parameter.substring(equals + 1), key);
      switch (key) {
        case "xt" -> {
          if (value.regionMatches(true, 0, "urn:btmh:", 0, 9)) {
            sawV2Hash = true;
          } else if (value.regionMatches(true, 0, BTIH, 0, BTIH.length())) {
            String hash = infoHashHex(value.substring(BTIH.length()));
            if (infoHash != null && !infoHash.equals(hash)) {
              throw new InvalidTorrentException("magnet link names two different info-hashes");
            }
            infoHash = hash;
          }
        }
        case "dn" -> name = displayName(value);
        case "tr" -> {
          if (isTrackerUrl(value) && trackers.size() < MAX_TRACKERS) {
            trackers.add(value);
          }
        }
        case "x.pe" -> {
          if (peers.size() >= MAX_PEERS) {
            throw new InvalidTorrentException("magnet link names more than " + MAX_PEERS + " peers");
          }
          try {
            peers.add(PeerAddress.parse(value));
          } catch (IllegalArgumentException e) {
            throw new InvalidTorrentException("bad peer in magnet link: " + e.getMessage(), e);
          }
        }
        default -> {
          // Other parameters (xl, ws, as, so, ...) do not change what is downloaded.
        }
      }
    }
    if (infoHash == null) {
      throw new InvalidTorrentException(
          sawV2Hash
              ? "BitTorrent v2-only magnet links (urn:btmh) are not supported"
              : "magnet link has no BitTorrent info-hash (xt=urn:btih:...)");
    }
    return new MagnetLink(infoHash, name, List.copyOf(trackers), List.copyOf(peers));
  }

  /**
   * A magnet URI with the given parts, percent-encoded; trackers and peers that would push it
   * past {@link #MAX_FORMATTED_LENGTH} characters are left out.
   */
  public static String format(
      String infoHash, String name, List<String> trackers, List<PeerAddress> peers) {
    StringBuilder uri = new StringBuilder("magnet:?xt=urn:btih:").append(infoHash);
    if (!name.isEmpty()) {
      String encoded = encode(name);
      if (uri.length() + 4 + encoded.length() <= MAX_FORMATTED_LENGTH) {
        uri.append("&dn=").append(encoded);
      }
    }
    for (String tracker : trackers) {
      appendIfFits(uri, "&tr=" + encode(tracker));
    }
    for (PeerAddress peer : peers) {
      appendIfFits(uri, "&x.pe=" + encode(peer.toString()));
    }
    return uri.toString();
  }

  /** Whether {@code url} is an http, https or udp URL a tracker client can announce to. */
  public static boolean isTrackerUrl(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean knownScheme =
        lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("udp://");
    return knownScheme && url.length() <= 2048 && url.chars().noneMatch(c -> c <= ' ' || c == 127);
  }

  private static void appendIfFits(StringBuilder uri, String parameter) {
    if (uri.length() + parameter.length() <= MAX_FORMATTED_LENGTH) {
      uri.append(parameter);
    }
  }

  private static String infoHashHex(String hash) throws InvalidTorrentException {
    if (hash.length() == 40 && hash.chars().allMatch(MagnetParser::isHexDigit)) {
      return hash.toLowerCase(Locale.ROOT);
    }
    if (hash.length() == 32 && hash.toUpperCase(Locale.ROOT).matches("[A-Z2-7]{32}")) {
      return Protocols.toHex(Protocols.infoHashFromBase32(hash.toUpperCase(Locale.ROOT)))
          .toLowerCase(Locale.ROOT);
    }
    throw new InvalidTorrentException(
        "info-hash must be 40 hex or 32 base32 characters, got '" + excerpt(hash) + "'");
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String displayName(String value) throws InvalidTorrentException {
    if (value.length() > MAX_NAME_LENGTH) {
      throw new InvalidTorrentException("magnet display name is longer than " + MAX_NAME_LENGTH);
    }
    StringBuilder clean = new StringBuilder(value.length());
    value.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
    return clean.toString().strip();
  }

  private static String decode(String value, String key) throws InvalidTorrentException {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidTorrentException(
          "bad percent-encoding in magnet parameter '" + excerpt(key) + "'", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String excerpt(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
