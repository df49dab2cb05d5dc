package io.syncer.player.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class VideoPanelTest {

  @Test
  void lettersBoxesAWideVideoInATallArea() {
    assertThat(VideoPanel.fit(400, 400, 16.0 / 9.0)).isEqualTo(new Rectangle(0, 87, 400, 225));
  }

  @Test
  void pillarBoxesANarrowVideoInAWideArea() {
    assertThat(VideoPanel.fit(800, 300, 4.0 / 3.0)).isEqualTo(new Rectangle(200, 0, 400, 300));
  }

  @Property(tries = 300)
  void fillsOneDimensionKeepsTheAspectAndStaysCentred(
      @ForAll @IntRange(min = 16, max = 4000) int width,
      @ForAll @IntRange(min = 16, max = 4000) int height,
      @ForAll @DoubleRange(min = 0.25, max = 4.0) double aspect) {
    Rectangle r = VideoPanel.fit(width, height, aspect);

    assertThat(r.width == width || r.height == height).isTrue();
    assertThat(new Rectangle(0, 0, width, height).contains(r)).isTrue();
    assertThat(Math.abs(r.x * 2 + r.width - width)).isLessThanOrEqualTo(1);
    assertThat(Math.abs(r.y * 2 + r.height - height)).isLessThanOrEqualTo(1);
    // Rounding to whole pixels moves the ratio by at most one pixel's worth.
    double tolerance = aspect / Math.min(r.width, r.height) + 1.0 / Math.min(r.width, r.height) * aspect;
    assertThat(Math.abs((double) r.width / r.height - aspect)).isLessThanOrEqualTo(tolerance + 1e-9);
  }

  @Test
  void formatsTimeWithHoursOnlyWhenNeeded() {
    assertThat(PlayerWindow.formatTime(7_480_000L)).isEqualTo("0:07");
    assertThat(PlayerWindow.formatTime(3_725_000_000L)).isEqualTo("1:02:05");
  }
}
