package io.syncer.player.media;

import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays 16-bit PCM on the default sound device through Java Sound.
 *
 * <p>Thread-safety: confined to the audio thread of one playback session.
 */
final class JavaSoundAudioOutput implements AudioOutput {

  private static final Logger log = LoggerFactory.getLogger(JavaSoundAudioOutput.class);
  private static final double BUFFER_SECONDS = 0.2;

  private final SourceDataLine line;
  private final int bytesPerFrame;
  private final int sampleRate;
  private byte[] bytes = new byte[0];

  private JavaSoundAudioOutput(SourceDataLine line, int sampleRate, int channels) {
    this.line = line;
    this.sampleRate = sampleRate;
    this.bytesPerFrame = 2 * channels;
  }

  /**
   * Opens the default device, or returns empty when there is none: {@code AudioSystem} throws
   * IllegalArgumentException on a machine without a sound card.
   */
  static Optional<AudioOutput> open(int sampleRate, int channels) {
    AudioFormat format = new AudioFormat(sampleRate, 16, channels, true, false);
    try {
      SourceDataLine line = AudioSystem.getSourceDataLine(format);
      line.open(format, (int) (sampleRate * BUFFER_SECONDS) * 2 * channels);
      line.start();
      return Optional.of(new JavaSoundAudioOutput(line, sampleRate, channels));
    } catch (IllegalArgumentException | LineUnavailableException | SecurityException e) {
      log.info("No usable audio device ({}); playing without sound", e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public void write(short[] interleaved) {
    int length = interleaved.length * 2;
    if (bytes.length < length) {
      bytes = new byte[length];
    }
    for (int i = 0; i < interleaved.length; i++) {
      bytes[2 * i] = (byte) interleaved[i];
      bytes[2 * i + 1] = (byte) (interleaved[i] >> 8);
    }
    line.write(bytes, 0, length);
  }

  @Override
  public long queuedMicros() {
    long queuedFrames = (line.getBufferSize() - line.available()) / bytesPerFrame;
    return queuedFrames * 1_000_000L / sampleRate;
  }

  @Override
  public void pause() {
    line.stop();
  }

  @Override
  public void resume() {
    line.start();
  }

  @Override
  public void flush() {
    line.flush();
  }

  @Override
  public String description() {
    return "Java Sound";
  }

  @Override
  public void close() {
    line.stop();
    line.flush();
    line.close();
  }
}
