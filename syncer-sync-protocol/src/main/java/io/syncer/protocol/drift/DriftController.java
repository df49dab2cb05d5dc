package io.syncer.protocol.drift;

/**
 * Keeps one player on the room's timeline: fed an observation every tick while playing, answers
 * with a correction.
 *
 * <p>Tick about ten times a second, at slightly irregular intervals (e.g. 100 ms ± 20 ms):
 * polling in step with the frame rate would see frame-step rounding as a fixed bias. Apply each
 * correction as soon as it is returned. Call {@link #reset()} whenever the timeline changes
 * (play, pause, seek, rate, media) or the player was moved by anything else than this controller;
 * do not feed observations while paused or buffering.
 *
 * <p>Thread-safety: not thread-safe; one owner (the participant session's thread) calls it.
 */
public interface DriftController {

  /** Judges one observation; observations must come in non-decreasing local time. */
  DriftDecision onTick(PlayerObservation observation);

  /** Forgets the player's history after a timeline change; learned clock drift may be kept. */
  void reset();
}
