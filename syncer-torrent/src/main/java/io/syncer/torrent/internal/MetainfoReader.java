package io.syncer.torrent.internal;

import bt.bencoding.serializers.BEParser;
import bt.bencoding.types.BEInteger;
import bt.bencoding.types.BEList;
import bt.bencoding.types.BEMap;
import bt.bencoding.types.BEString;
import bt.metainfo.MetadataService;
import bt.metainfo.Torrent;
import bt.protocol.Protocols;
import bt.service.CryptoUtil;
import io.syncer.torrent.InvalidTorrentException;
import io.syncer.torrent.TorrentFileInfo;
import io.syncer.torrent.TorrentMetadata;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads .torrent files and BEP 9 info dictionaries with bt's bencoding parser and validates them
 * against hostile input, producing {@link TorrentMetadata}.
 *
 * <p>Thread-safety: stateless; bt's {@link MetadataService} is shared and safe for concurrent use
 * (it creates a parser per call).
 */
public final class MetainfoReader {
  static final int MAX_PIECES = 1 << 20;
  static final int MAX_FILES = 100_000;
  static final long MIN_PIECE_LENGTH = 1024;
  static final long MAX_PIECE_LENGTH = 256L * 1024 * 1024;
  static final int MAX_PATH_ELEMENTS = 64;
  static final int MAX_PATH_ELEMENT_BYTES = 255;
  static final int MAX_TRACKERS = 100;
  private static final int HASH_LENGTH = 20;

  private static final MetadataService BT_METADATA = new MetadataService();

  private MetainfoReader() {}

  /** Validates {@code data} (a .torrent file or a bare info dictionary) and describes it. */
  public static TorrentMetadata read(byte[] data) throws InvalidTorrentException {
    BEMap root = parseStructure(data);
    Map<String, ?> rootEntries = root.getValue();
    BEMap info;
    if (rootEntries.containsKey("info")) {
      info = as(BEMap.class, rootEntries.get("info"), "info");
    } else if (rootEntries.containsKey("pieces")) {
      info = root;
    } else {
      throw new InvalidTorrentException("not a torrent: no info dictionary");
    }
    TorrentMetadata metadata = describe(info, trackers(root));
    btTorrent(data);
    return metadata;
  }

  /**
   * bt's model of the same bytes, for handing to a bt client; call only with bytes that
   * {@link #read} accepted.
   */
  public static Torrent btTorrent(byte[] data) throws InvalidTorrentException {
    BencodeGuard.check(data);
    try {
      return BT_METADATA.fromByteArray(data);
    } catch (RuntimeException e) {
      throw new InvalidTorrentException("bt rejected the torrent: " + rootMessage(e), e);
    }
  }

  static BEMap parseStructure(byte[] data) throws InvalidTorrentException {
    if (data == null || data.length == 0) {
      throw new InvalidTorrentException("torrent file is empty");
    }
    if (data.length > TorrentMetadata.MAX_TORRENT_FILE_BYTES) {
      throw new InvalidTorrentException(
          "torrent file is too large (" + data.length + " bytes, limit "
              + TorrentMetadata.MAX_TORRENT_FILE_BYTES + ")");
    }
    BencodeGuard.check(data);
    if (data[0] != 'd') {
      throw new InvalidTorrentException("not a torrent: top level is not a dictionary");
    }
    try (BEParser parser = new BEParser(data)) {
      return parser.readMap();
    } catch (RuntimeException e) {
      throw new InvalidTorrentException("malformed bencoding: " + rootMessage(e), e);
    }
  }

  private static TorrentMetadata describe(BEMap info, List<String> trackers)
      throws InvalidTorrentException {
    Map<String, ?> entries = info.getValue();
    String name = pathElement(as(BEString.class, required(entries, "name"), "name"), "name");
    long pieceLength = longValue(required(entries, "piece length"), "piece length");
    if (pieceLength < MIN_PIECE_LENGTH || pieceLength > MAX_PIECE_LENGTH) {
      throw new InvalidTorrentException(
          "piece length " + pieceLength + " is outside " + MIN_PIECE_LENGTH + ".." + MAX_PIECE_LENGTH);
    }
    byte[] hashes = as(BEString.class, required(entries, "pieces"), "pieces").getValue();
    if (hashes.length == 0 || hashes.length % HASH_LENGTH != 0) {
      throw new InvalidTorrentException(
          "piece hashes are " + hashes.length + " bytes, not a positive multiple of 20");
    }
    int pieceCount = hashes.length / HASH_LENGTH;
    if (pieceCount > MAX_PIECES) {
      throw new InvalidTorrentException(
          "torrent has " + pieceCount + " pieces, limit " + MAX_PIECES);
    }
    List<TorrentFileInfo> files = files(entries, name);
    long total = 0;
    for (TorrentFileInfo file : files) {
      total += file.length();
    }
    if (total == 0) {
      throw new InvalidTorrentException("torrent holds no data (all files are empty)");
    }
    long expectedPieces = (total + pieceLength - 1) / pieceLength;
    if (expectedPieces != pieceCount) {
      throw new InvalidTorrentException(
          "piece count " + pieceCount + " does not match total length " + total
              + " with piece length " + pieceLength + " (expected " + expectedPieces + ")");
    }
    String infoHash = Protocols.toHex(CryptoUtil.getSha1Digest(info.getContent()))
        .toLowerCase(Locale.ROOT);
    return new TorrentMetadata(infoHash, name, trackers, files, pieceLength, pieceCount, total);
  }

  private static List<TorrentFileInfo> files(Map<String, ?> info, String name)
      throws InvalidTorrentException {
    boolean single = info.containsKey("length");
    boolean multi = info.containsKey("files");
    if (single == multi) {
      throw new InvalidTorrentException(
          single ? "info has both 'length' and 'files'" : "info has neither 'length' nor 'files'");
    }
    if (single) {
      long length = nonNegative(longValue(info.get("length"), "length"), "length");
      return List.of(new TorrentFileInfo(0, List.of(name), length, 0));
    }
    List<?> entries = as(BEList.class, info.get("files"), "files").getValue();
    if (entries.isEmpty() || entries.size() > MAX_FILES) {
      throw new InvalidTorrentException(
          "torrent lists " + entries.size() + " files, must be 1.." + MAX_FILES);
    }
    List<TorrentFileInfo> files = new ArrayList<>(entries.size());
    Set<String> filePaths = new HashSet<>();
    Set<String> directories = new HashSet<>();
    long offset = 0;
    for (Object entry : entries) {
      int index = files.size();
      Map<String, ?> file = as(BEMap.class, entry, "files[" + index + "]").getValue();
      long length = nonNegative(longValue(required(file, "length"), "file length"), "file length");
      List<String> path = path(as(BEList.class, required(file, "path"), "path"), index);
      String joined = String.join("/", path);
      if (!filePaths.add(joined) || directories.contains(joined)) {
        throw new InvalidTorrentException("file path '" + excerpt(joined) + "' appears twice");
      }
      for (int end = 1; end < path.size(); end++) {
        String directory = String.join("/", path.subList(0, end));
        if (filePaths.contains(directory)) {
          throw new InvalidTorrentException(
              "'" + excerpt(directory) + "' is both a file and a directory");
        }
        directories.add(directory);
      }
      files.add(new TorrentFileInfo(index, path, length, offset));
      try {
        offset = Math.addExact(offset, length);
      } catch (ArithmeticException e) {
        throw new InvalidTorrentException("file lengths overflow", e);
      }
    }
    return files;
  }

  private static List<String> path(BEList list, int fileIndex) throws InvalidTorrentException {
    List<?> elements = list.getValue();
    if (elements.isEmpty() || elements.size() > MAX_PATH_ELEMENTS) {
      throw new InvalidTorrentException(
          "file " + fileIndex + " has a path of " + elements.size() + " elements, must be 1.."
              + MAX_PATH_ELEMENTS);
    }
    List<String> path = new ArrayList<>(elements.size());
    for (Object element : elements) {
      path.add(pathElement(as(BEString.class, element, "path element"), "file " + fileIndex));
    }
    return path;
  }

  /**
   * One file or directory name, rejected if it could name something other than a plain entry
   * inside its parent directory on any common file system.
   */
  private static String pathElement(BEString raw, String what) throws InvalidTorrentException {
    byte[] bytes = raw.getValue();
    if (bytes.length == 0 || bytes.length > MAX_PATH_ELEMENT_BYTES) {
      throw new InvalidTorrentException(
          what + " has a path element of " + bytes.length + " bytes, must be 1.."
              + MAX_PATH_ELEMENT_BYTES);
    }
    String element = raw.getValueAsString();
    if (element.equals(".") || element.equals("..") || element.isBlank()) {
      throw new InvalidTorrentException(what + " has a path element '" + element + "'");
    }
    for (int i = 0; i < element.length(); i++) {
      char c = element.charAt(i);
      if (c == '/' || c == '\\') {
        throw new InvalidTorrentException(
            what + " path element '" + excerpt(element) + "' contains a separator");
      }
      if (c < ' ' || c == 127) {
        throw new InvalidTorrentException(what + " path element contains a control character");
      }
    }
    if (element.length() >= 2 && element.charAt(1) == ':' && Character.isLetter(element.charAt(0))) {
      throw new InvalidTorrentException(
          what + " path element '" + excerpt(element) + "' looks like a drive letter");
    }
    return element;
  }

  private static List<String> trackers(BEMap root) {
    Set<String> urls = new LinkedHashSet<>();
    Map<String, ?> entries = root.getValue();
    if (entries.get("announce-list") instanceof BEList tiers) {
      for (Object tier : tiers.getValue()) {
        if (tier instanceof BEList tierList) {
          for (Object url : tierList.getValue()) {
            addTracker(urls, url);
          }
        }
      }
    }
    addTracker(urls, entries.get("announce"));
    return List.copyOf(urls);
  }

  private static void addTracker(Set<String> urls, Object value) {
    if (value instanceof BEString url && urls.size() < MAX_TRACKERS) {
      String text = url.getValueAsString();
      if (MagnetParser.isTrackerUrl(text)) {
        urls.add(text);
      }
    }
  }

  private static Object required(Map<String, ?> entries, String key)
      throws InvalidTorrentException {
    Object value = entries.get(key);
    if (value == null) {
      throw new InvalidTorrentException("missing '" + key + "'");
    }
    return value;
  }

  private static <T> T as(Class<T> type, Object value, String what)
      throws InvalidTorrentException {
    if (!type.isInstance(value)) {
      throw new InvalidTorrentException("'" + what + "' has the wrong type");
    }
    return type.cast(value);
  }

  private static long longValue(Object value, String what) throws InvalidTorrentException {
    Number number = as(BEInteger.class, value, what).getValue();
    if (number instanceof BigInteger big && big.bitLength() > 62) {
      throw new InvalidTorrentException("'" + what + "' is out of range");
    }
    return number.longValue();
  }

  private static long nonNegative(long value, String what) throws InvalidTorrentException {
    if (value < 0) {
      throw new InvalidTorrentException("'" + what + "' is negative");
    }
    return value;
  }

  private static String excerpt(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : excerpt(message.lines().findFirst().orElse(""));
  }
}
