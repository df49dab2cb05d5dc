package io.syncer.torrent.internal;

import bt.metainfo.IMetadataService;
import bt.module.PeerConnectionSelector;
import bt.net.SharedSelector;
import bt.service.IRuntimeLifecycleBinder;
import bt.service.LifecycleBinding;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;

/**
 * Guice module that replaces two bt services; loaded as a custom module, it overrides bt's
 * standard bindings: the metadata service (validation of metadata fetched from peers) and the
 * peer connection selector (bt 1.10's registration can starve on busy machines).
 */
public final class BtOverridesModule extends AbstractModule {
  private final GuardedMetadataService metadataService;

  public BtOverridesModule(GuardedMetadataService metadataService) {
    this.metadataService = metadataService;
  }

  @Override
  protected void configure() {
    bind(IMetadataService.class).toInstance(metadataService);
  }

  @Provides
  @Singleton
  @PeerConnectionSelector
  SharedSelector peerConnectionSelector(IRuntimeLifecycleBinder lifecycle) {
    SharedSelector selector;
    try {
      selector = new FairRegistrationSelector(Selector.open());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    Runnable close = () -> {
      try {
        selector.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the selector", e);
      }
    };
    lifecycle.addBinding(IRuntimeLifecycleBinder.LifecycleEvent.SHUTDOWN,
        LifecycleBinding.bind(close).description("Shutdown selector").build());
    return selector;
  }
}
