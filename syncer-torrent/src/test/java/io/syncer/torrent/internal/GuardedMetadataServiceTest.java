package io.syncer.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bt.BtException;
import bt.protocol.Protocols;
import bt.service.CryptoUtil;
import io.syncer.torrent.InvalidTorrentException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class GuardedMetadataServiceTest {
  private final AtomicReference<String> rejectedHash = new AtomicReference<>();
  private final AtomicReference<InvalidTorrentException> reason = new AtomicReference<>();
  private final GuardedMetadataService service =
      new GuardedMetadataService((hash, why) -> {
        rejectedHash.set(hash);
        reason.set(why);
      });

  @Test
  void hostileMetadataFromAPeerIsRejectedAndReportedForItsInfoHash() {
    // A bare info dictionary (what BEP 9 exchanges) whose only file climbs out of the directory.
    byte[] info = ("d5:filesld6:lengthi10e4:pathl2:..6:escapeeee4:name1:x12:piece lengthi16384e"
        + "6:pieces20:" + "a".repeat(20) + "e").getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> service.fromByteArray(info)).isInstanceOf(BtException.class);

    assertThat(rejectedHash.get())
        .isEqualTo(Protocols.toHex(CryptoUtil.getSha1Digest(info)).toLowerCase(Locale.ROOT));
    assertThat(reason.get()).hasMessageContaining("'..'");
  }

  @Test
  void validMetadataIsHandedToBt() {
    byte[] info = ("d6:lengthi10e4:name5:a.mp412:piece lengthi16384e6:pieces20:" + "a".repeat(20) + "e")
        .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(service.fromByteArray(info).getName()).isEqualTo("a.mp4");
    assertThat(rejectedHash.get()).isNull();
  }
}
