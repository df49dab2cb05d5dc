package io.syncer.player.media;

/**
 * What the decode thread has produced for one seek epoch, published after every change.
 *
 * <p>Thread-safety: immutable.
 *
 * @param epoch the seek epoch this describes
 * @param decodedUntilUs media time up to which frames are queued (video, or audio without video)
 * @param ready the first frame for the epoch is queued
 * @param readyAtUs wall time when it was, for the seek latency
 * @param firstPtsUs its presentation time
 * @param full the decoder stopped reading because enough is queued
 * @param endOfStream the decoder reached the end of the media
 */
record DecoderProgress(
    int epoch,
    long decodedUntilUs,
    boolean ready,
    long readyAtUs,
    long firstPtsUs,
    boolean full,
    boolean endOfStream) {

  static DecoderProgress start(int epoch, long positionUs) {
    return new DecoderProgress(epoch, positionUs, false, -1L, -1L, false, false);
  }
}
