package io.syncer.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bt.metainfo.MetadataService;
import bt.torrent.maker.TorrentBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorrentMetadataTest {
  private static final int PIECE = 16 * 1024;

  @TempDir Path dir;

  @Test
  void readsATorrentMadeByBtsTorrentBuilderWithTheSameInfoHash() throws Exception {
    Path movie = dir.resolve("movie.mp4");
    Files.write(movie, new byte[PIECE * 3 + 100]);
    byte[] torrent =
        new TorrentBuilder()
            .rootPath(dir)
            .addFile(movie)
            .pieceSize(PIECE)
            .announce("http://tracker.example/announce")
            .build();

    TorrentMetadata metadata = TorrentMetadata.parse(torrent);

    String btHash = new MetadataService().fromByteArray(torrent).getTorrentId().toString();
    assertThat(metadata.infoHash()).isEqualTo(btHash.toLowerCase());
    assertThat(metadata.name()).isEqualTo("movie.mp4");
    assertThat(metadata.files())
        .containsExactly(new TorrentFileInfo(0, List.of("movie.mp4"), PIECE * 3 + 100, 0));
    assertThat(metadata.pieceCount()).isEqualTo(4);
    assertThat(metadata.pieceLength()).isEqualTo(PIECE);
    assertThat(metadata.trackers()).containsExactly("http://tracker.example/announce");
    assertThat(metadata.magnetUri())
        .isEqualTo(
            "magnet:?xt=urn:btih:" + metadata.infoHash()
                + "&dn=movie.mp4&tr=http%3A%2F%2Ftracker.example%2Fannounce");
  }

  @Test
  void multiFileTorrentListsFilesWithOffsetsAndFlattenedTrackerTiers() throws Exception {
    Map<String, Object> info =
        info(
            "Show",
            List.of(
                file(100, "extras", "big.iso"),
                file(60, "Season 1", "episode.mkv"),
                file(40, "sample.mp4")),
            200);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("info", info);
    root.put("announce", "udp://a.example:80");
    root.put(
        "announce-list",
        List.of(List.of("udp://a.example:80", "https://b.example/announce"), List.of("wss://c")));

    TorrentMetadata metadata = TorrentMetadata.parse(Bencode.encode(root));

    assertThat(metadata.files())
        .extracting(TorrentFileInfo::displayPath, TorrentFileInfo::offset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("extras/big.iso", 0L),
            org.assertj.core.groups.Tuple.tuple("Season 1/episode.mkv", 100L),
            org.assertj.core.groups.Tuple.tuple("sample.mp4", 160L));
    assertThat(metadata.trackers()).containsExactly("udp://a.example:80", "https://b.example/announce");
    assertThat(metadata.defaultFile().displayPath()).isEqualTo("Season 1/episode.mkv");
    assertThat(metadata.defaultFile().contentType()).isEqualTo("video/x-matroska");
  }

  @Test
  void defaultFileIsTheLargestFileWhenNoneIsAVideo() throws Exception {
    TorrentMetadata metadata =
        TorrentMetadata.parse(
            Bencode.encode(
                Map.of("info", info("Docs", List.of(file(10, "a.txt"), file(30, "b.pdf")), 40))));
    assertThat(metadata.defaultFile().index()).isEqualTo(1);
  }

  @Test
  void aBareInfoDictionaryAsExchangedByBep9IsAccepted() throws Exception {
    byte[] info = Bencode.encode(info("x.webm", List.of(), 5000));
    assertThat(TorrentMetadata.parse(info).files().get(0).contentType()).isEqualTo("video/webm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"..", ".", "", " ", "a/b", "..\\..\\windows", "C:evil", "nul\u0000byte", "tab\tname"})
  void pathElementsThatCouldEscapeOrConfuseTheDownloadDirectoryAreRejected(String element) {
    byte[] torrent =
        Bencode.encode(Map.of("info", info("Dir", List.of(file(10, "ok", element)), 10)));
    assertThatThrownBy(() -> TorrentMetadata.parse(torrent))
        .isInstanceOf(InvalidTorrentException.class)
        .hasMessageContaining("path element");
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "/etc/passwd", "../../.bashrc", ""})
  void hostileNamesOfSingleFileTorrentsAreRejected(String name) {
    byte[] torrent = Bencode.encode(Map.of("info", info(name, List.of(), 10)));
    assertThatThrownBy(() -> TorrentMetadata.parse(torrent))
        .isInstanceOf(InvalidTorrentException.class)
        .hasMessageContaining("name");
  }

  @Test
  void duplicatePathsAndFilesThatAreAlsoDirectoriesAreRejected() {
    byte[] duplicate =
        Bencode.encode(
            Map.of("info", info("D", List.of(file(5, "a", "b"), file(5, "a", "b")), 10)));
    byte[] fileAndDirectory =
        Bencode.encode(Map.of("info", info("D", List.of(file(5, "a"), file(5, "a", "b")), 10)));
    assertThatThrownBy(() -> TorrentMetadata.parse(duplicate)).hasMessageContaining("twice");
    assertThatThrownBy(() -> TorrentMetadata.parse(fileAndDirectory))
        .hasMessageContaining("both a file and a directory");
  }

  @Test
  void pieceCountMustMatchTheTotalLength() {
    Map<String, Object> info = info("m.mp4", List.of(), 10);
    info.put("length", 1_000_000_000_000L);
    assertThatThrownBy(() -> TorrentMetadata.parse(Bencode.encode(Map.of("info", info))))
        .isInstanceOf(InvalidTorrentException.class)
        .hasMessageContaining("does not match total length");
  }

  @Test
  void hashesThatAreNotAMultipleOf20BytesAreRejected() {
    Map<String, Object> info = info("m.mp4", List.of(), 10);
    info.put("pieces", new byte[39]);
    assertThatThrownBy(() -> TorrentMetadata.parse(Bencode.encode(Map.of("info", info))))
        .hasMessageContaining("multiple of 20");
  }

  @Test
  void absurdPieceLengthsAndNegativeLengthsAreRejected() {
    Map<String, Object> tiny = info("m.mp4", List.of(), 10);
    tiny.put("piece length", 1);
    Map<String, Object> negative = info("D", List.of(file(-5, "a")), 10);
    assertThatThrownBy(() -> TorrentMetadata.parse(Bencode.encode(Map.of("info", tiny))))
        .hasMessageContaining("piece length");
    assertThatThrownBy(() -> TorrentMetadata.parse(Bencode.encode(Map.of("info", negative))))
        .hasMessageContaining("negative");
  }

  @Test
  void oversizedInputIsRejectedBeforeParsing() {
    byte[] huge = new byte[TorrentMetadata.MAX_TORRENT_FILE_BYTES + 1];
    assertThatThrownBy(() -> TorrentMetadata.parse(huge)).hasMessageContaining("too large");
  }

  @Test
  void aStringLengthClaimBeyondTheInputIsRejectedWithoutAllocatingIt() {
    byte[] bomb = "d4:infod4:name2000000000:xee".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TorrentMetadata.parse(bomb)).hasMessageContaining("longer than the input");
  }

  @Test
  void deepNestingIsRejectedWithoutRecursing() {
    byte[] deep = ("d1:x" + "l".repeat(100_000) + "e".repeat(100_000) + "e")
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> TorrentMetadata.parse(deep)).hasMessageContaining("nests deeper");
  }

  @ParameterizedTest
  @ValueSource(strings = {"le", "i42e", "d4:infoi1ee", "d3:foo3:bare", "d4:infod", "de trailing"})
  void nonTorrentsAreRejected(String text) {
    assertThatThrownBy(() -> TorrentMetadata.parse(text.getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(InvalidTorrentException.class);
  }

  @Property(tries = 300)
  void arbitraryBytesNeverEscapeAsAnythingButInvalidTorrentException(
      @ForAll("mutatedTorrents") byte[] data) {
    try {
      TorrentMetadata metadata = TorrentMetadata.parse(data);
      assertThat(metadata.files()).allSatisfy(f -> assertThat(f.path()).doesNotContain("..", "."));
    } catch (InvalidTorrentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedTorrents() {
    byte[] valid =
        Bencode.encode(
            Map.of(
                "announce", "http://t.example/a",
                "info", info("Dir", List.of(file(7000, "a", "b.mp4"), file(9000, "c.mkv")), 16000)));
    Arbitrary<byte[]> mutated =
        Arbitraries.integers()
            .between(0, valid.length - 1)
            .list()
            .ofMaxSize(4)
            .flatMap(
                positions ->
                    Arbitraries.bytes()
                        .array(byte[].class)
                        .ofSize(positions.size())
                        .map(values -> mutate(valid, positions, values)));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    return Arbitraries.oneOf(mutated, random);
  }

  private static byte[] mutate(byte[] valid, List<Integer> positions, byte[] values) {
    byte[] copy = valid.clone();
    for (int i = 0; i < positions.size(); i++) {
      copy[positions.get(i)] = values[i];
    }
    return copy;
  }

  static Map<String, Object> info(String name, List<Map<String, Object>> files, long total) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", name);
    info.put("piece length", PIECE);
    info.put("pieces", new byte[(int) ((total + PIECE - 1) / PIECE) * 20]);
    if (files.isEmpty()) {
      info.put("length", total);
    } else {
      info.put("files", files);
    }
    return info;
  }

  static Map<String, Object> file(long length, String... path) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("length", length);
    file.put("path", new ArrayList<>(List.of(path)));
    return file;
  }

}
