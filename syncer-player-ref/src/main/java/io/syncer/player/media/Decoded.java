package io.syncer.player.media;

/**
 * A decoded item tagged with the seek epoch it was decoded for: after a seek, consumers drop
 * whatever the decoder produced for an older epoch.
 *
 * <p>Thread-safety: immutable.
 */
record Decoded<T>(int epoch, T item) {}
