package io.syncer.player.media;

import io.syncer.player.testing.ExternalTools;

/**
 * The contract against a real mpv, the optional engine. {@code 40-xvfb-ffmpeg.sh} installs mpv, so
 * CI always runs it; elsewhere it is skipped with a message when mpv is not on the PATH.
 */
class MpvPlayerBackendTest extends PlayerBackendContract {

  @Override
  protected PlayerBackend createPlayer() throws Exception {
    ExternalTools.require("mpv");
    return MpvPlayerBackend.builder().headless(true).build();
  }
}
