package io.syncer.player.media;

/**
 * Where decoded 16-bit interleaved PCM goes: a sound card, or nowhere at the same pace.
 *
 * <p>Thread-safety: confined to the audio thread of one playback session.
 */
interface AudioOutput extends AutoCloseable {

  /** Queues samples for playing, blocking while the output's buffer is full. */
  void write(short[] interleaved);

  /** Wall microseconds of audio written but not yet heard. */
  long queuedMicros();

  /** Stops consuming, keeping what is queued. */
  void pause();

  /** Consumes again after {@link #pause()}. */
  void resume();

  /** Drops what is queued (after a seek). */
  void flush();

  /** "Java Sound" or "silent": shown in logs and diagnostics. */
  String description();

  @Override
  void close();
}
