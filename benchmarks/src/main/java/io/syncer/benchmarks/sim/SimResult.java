package io.syncer.benchmarks.sim;

import java.util.List;

/**
 * The figures of one policy in one scenario.
 *
 * <p>Thread-safety: immutable (the series arrays are not modified after construction).
 *
 * @param policy the policy's name
 * @param offsetMs inter-participant offset (largest minus smallest true position among the
 *     playing members) after convergence, ms
 * @param convergeS time to converge after joins and seeks together, s
 * @param convergeAfterJoinS time from a member connecting during playback until it converged, s
 * @param convergeAfterSeekS time from a seek's execute-at time until a member converged, s
 * @param unconverged member events after which the member never converged
 * @param seeksPerHour corrective seeks per member-hour of playback
 * @param seeksAfterConvergencePerHour those of them made after the member had converged
 * @param seeksAfterConvergence their count
 * @param nonUnitRateSecondsPerHour seconds per member-hour played more than 0.1 % off the
 *     timeline rate
 * @param commandSpreadMs per command, latest minus earliest member applying it, ms
 * @param roomWaitsPerHour times per hour the server paused the whole room for a member
 * @param roomWaitSecondsPerHour seconds per hour the room spent so paused
 * @param memberOffsetMs per member, its true offset from the timeline after convergence, ms
 * @param errors protocol errors the participants saw
 * @param series (minutes since start, inter-participant offset ms) for every sample
 */
record SimResult(
    String policy,
    Stats offsetMs,
    Stats convergeS,
    Stats convergeAfterJoinS,
    Stats convergeAfterSeekS,
    int unconverged,
    double seeksPerHour,
    double seeksAfterConvergencePerHour,
    int seeksAfterConvergence,
    double nonUnitRateSecondsPerHour,
    Stats commandSpreadMs,
    double roomWaitsPerHour,
    double roomWaitSecondsPerHour,
    List<Stats> memberOffsetMs,
    List<String> errors,
    List<double[]> series) {}
