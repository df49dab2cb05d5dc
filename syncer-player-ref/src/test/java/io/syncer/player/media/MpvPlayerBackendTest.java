package io.syncer.player.media;

import org.junit.jupiter.api.Assumptions;

/**
 * The contract against a real mpv. mpv is an optional engine and deliberately not installed by the
 * test setup scripts, so this skips wherever mpv is not on the PATH, CI included.
 */
class MpvPlayerBackendTest extends PlayerBackendContract {

  @Override
  protected PlayerBackend createPlayer() throws Exception {
    Assumptions.assumeTrue(MpvPlayerBackend.findMpv().isPresent(), "mpv is not on the PATH; the optional mpv backend is not tested");
    return MpvPlayerBackend.builder().headless(true).build();
  }
}
