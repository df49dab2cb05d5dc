package io.syncer.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagnetLinkTest {
  private static final String HASH = "c12fe1c06bba254a9dc9f519b335aa7c1367a88a";

  @Test
  void parsesHashNameTrackersAndPeersDecodingEachValueSeparately() throws Exception {
    MagnetLink link =
        MagnetLink.parse(
            "magnet:?xt=urn:btih:" + HASH.toUpperCase()
                + "&dn=My+Movie%20(2020)"
                + "&tr=http%3A%2F%2Ft.example%2Fannounce%3Fa%3D1%26b%3D2"
                + "&tr=udp://u.example:80&tr=ftp://not-a-tracker"
                + "&x.pe=127.0.0.1:6881&x.pe=%5B%3A%3A1%5D%3A51413&xl=1234");

    assertThat(link.infoHash()).isEqualTo(HASH);
    assertThat(link.displayName()).isEqualTo("My Movie (2020)");
    assertThat(link.trackers())
        .containsExactly("http://t.example/announce?a=1&b=2", "udp://u.example:80");
    assertThat(link.peers())
        .containsExactly(new PeerAddress("127.0.0.1", 6881), new PeerAddress("::1", 51413));
  }

  @Test
  void base32InfoHashesAreConvertedToHex() throws Exception {
    MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:YEX6DQDLXISUVHOJ6UM3GNNKPQJWPKEK");
    assertThat(link.infoHash()).isEqualTo(HASH);
  }

  @Test
  void canonicalUriParsesBackToTheSameLink() throws Exception {
    MagnetLink link =
        new MagnetLink(
            HASH, "a & b = c", List.of("http://t/a?x=1&y=2"), List.of(new PeerAddress("::1", 7)));
    assertThat(MagnetLink.parse(link.uri())).isEqualTo(link);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "http://example.com",
        "magnet:?",
        "magnet:?dn=no-hash",
        "magnet:?xt=urn:btih:1234",
        "magnet:?xt=urn:btih:zz2fe1c06bba254a9dc9f519b335aa7c1367a88a",
        "magnet:?xt",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn=%zz",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=host-without-port",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&x.pe=h:99999",
        "magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a"
            + "&xt=urn:btih:0000000000000000000000000000000000000000",
      })
  void brokenMagnetsAreRejectedWithAMessage(String text) {
    assertThatThrownBy(() -> MagnetLink.parse(text))
        .isInstanceOf(InvalidTorrentException.class)
        .hasMessageFindingMatch("\\w+");
  }

  @Test
  void v2OnlyMagnetsAreNamedAsUnsupported() {
    assertThatThrownBy(() -> MagnetLink.parse("magnet:?xt=urn:btmh:1220abcd"))
        .hasMessageContaining("v2");
  }

  @Test
  void overlongMagnetsAreRejected() {
    String text = "magnet:?xt=urn:btih:" + HASH + "&dn=" + "x".repeat(70_000);
    assertThatThrownBy(() -> MagnetLink.parse(text)).hasMessageContaining("too long");
  }

  @Test
  void canonicalUriStaysWithinTheRoomProtocolLimit() {
    List<String> trackers =
        java.util.stream.IntStream.range(0, 100)
            .mapToObj(i -> "http://tracker-" + i + ".example/" + "p".repeat(100))
            .toList();
    MagnetLink link = new MagnetLink(HASH, "n", trackers, List.of());
    assertThat(link.uri()).hasSizeLessThanOrEqualTo(8192).startsWith("magnet:?xt=urn:btih:" + HASH);
  }

  @Property(tries = 300)
  void arbitraryTextNeverEscapesAsAnythingButInvalidTorrentException(
      @ForAll @StringLength(max = 200) String suffix) {
    try {
      MagnetLink link = MagnetLink.parse("magnet:?xt=urn:btih:" + HASH + "&" + suffix);
      assertThat(link.infoHash()).isEqualTo(HASH);
    } catch (InvalidTorrentException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
