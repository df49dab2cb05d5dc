package io.syncer.player.media;

/**
 * What other threads ask of the decode thread, which alone touches the grabber: its methods are
 * synchronized and its reads block while a stream's bytes are missing.
 *
 * <p>Thread-safety: immutable.
 */
sealed interface DecoderCommand {

  record Seek(int epoch, long targetUs, boolean exact) implements DecoderCommand {}

  record Close() implements DecoderCommand {}
}
