/**
 * Syncer's wire protocol and sync algorithms: messages and their JSON codec, clock sync, the
 * playback timeline and drift correction. No I/O, no threads.
 */
module io.syncer.protocol {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;

  exports io.syncer.protocol.time;
  exports io.syncer.protocol.message;
  exports io.syncer.protocol.codec;
  exports io.syncer.protocol.clock;
  exports io.syncer.protocol.drift;
}
