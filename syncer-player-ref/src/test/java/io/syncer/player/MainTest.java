package io.syncer.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void withoutADisplayTheDesktopPlayerPointsToTheHeadlessMode() {
    Assumptions.assumeTrue(GraphicsEnvironment.isHeadless(), "a display is attached; the window test covers it");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run();
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains("DISPLAY").contains("--headless");
  }
}
