package io.syncer.player.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopSettingsTest {

  @TempDir Path dir;

  @Test
  void aLogInIsRememberedPrivatelyAndTheTokenCanBeForgotten() throws Exception {
    DesktopSettings settings = DesktopSettings.load(dir);
    assertThat(settings.refreshToken()).isEmpty();

    settings.rememberLogin("192.168.1.20:8470", "alice", "secret-refresh-token");

    DesktopSettings again = DesktopSettings.load(dir);
    assertThat(again.server()).isEqualTo("192.168.1.20:8470");
    assertThat(again.username()).isEqualTo("alice");
    assertThat(again.refreshToken()).hasValue("secret-refresh-token");
    assertThat(Files.getPosixFilePermissions(dir.resolve("player.properties")))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    again.forgetToken();
    DesktopSettings forgotten = DesktopSettings.load(dir);
    assertThat(forgotten.refreshToken()).isEmpty();
    assertThat(forgotten.username()).isEqualTo("alice");
    assertThat(Files.readString(dir.resolve("player.properties"))).doesNotContain("secret-refresh-token");
  }

  @Test
  void anUnreadableFileStartsEmpty() throws Exception {
    Files.writeString(dir.resolve("player.properties"), "refreshToken=\\u00zz broken escape");

    assertThat(DesktopSettings.load(dir).refreshToken()).isEmpty();
  }

  @Test
  void theConfigDirectoryFollowsXdg() {
    assertThat(DesktopSettings.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/cfg"))).isEqualTo(Path.of("/cfg/syncer"));
    assertThat(DesktopSettings.defaultDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "syncer"));
  }
}
