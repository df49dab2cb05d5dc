package io.syncer.server.rest;

import io.syncer.server.storage.StorageOptions;
import java.nio.file.Path;

/** Restart on the default storage: embedded H2 and the key file in the data directory. */
class H2ServerRestartTest extends ServerRestartContract {

  @Override
  protected StorageOptions options(Path dataDirectory) {
    return StorageOptions.embedded(dataDirectory);
  }
}
