package io.syncer.protocol.message;

import java.util.Optional;

/**
 * The room's playback state as a line through time: at server time {@code anchorUs} the media was
 * at {@code positionUs} and, unless paused, advances {@code rate} µs of media per µs of server
 * time.
 *
 * <p>A new timeline takes effect at its {@code anchorUs} (the execute-at time); until then the
 * previous one applies.
 *
 * <p>Thread-safety: immutable.
 *
 * @param version strictly increasing per room, {@code >= 0}
 * @param mediaId the media this timeline plays, absent when the room has none
 * @param paused whether playback is paused
 * @param positionUs media position at {@code anchorUs}, µs, {@code >= 0}
 * @param rate playback rate in [0.25, 4.0]
 * @param anchorUs server time at which this timeline takes effect, µs
 */
public record Timeline(
    long version,
    Optional<String> mediaId,
    boolean paused,
    long positionUs,
    double rate,
    long anchorUs) {

  public Timeline {
    Check.nonNegative("version", version);
    Check.optional("mediaId", mediaId, v -> Check.id("mediaId", v));
    Check.nonNegative("positionUs", positionUs);
    Check.rate("rate", rate);
    Check.safe("anchorUs", anchorUs);
  }

  /**
   * The media position at server time {@code serverTimeUs}, µs.
   *
   * <p>Paused: {@code positionUs}. Playing: {@code floor(positionUs + (serverTimeUs - anchorUs) ×
   * rate)}, computed exactly on the binary value of {@code rate} (no floating-point rounding), so
   * every implementation that follows the specification gets the same integer. At rate 1.0 this
   * is plain integer addition. Times before {@code anchorUs} extrapolate backwards; callers
   * normally ask only from {@code anchorUs} on.
   *
   * @throws ArithmeticException if the result does not fit in a {@code long} (only for times
   *     hundreds of years away from the anchor)
   */
  public long positionAt(long serverTimeUs) {
    if (paused) {
      return positionUs;
    }
    long elapsed = Math.subtractExact(serverTimeUs, anchorUs);
    return Math.addExact(positionUs, floorScale(elapsed, rate));
  }

  /** floor(value × rate), exact: rate is odd × 2^shift with an odd integer mantissa. */
  private static long floorScale(long value, double rate) {
    long bits = Double.doubleToRawLongBits(rate);
    int biasedExponent = (int) (bits >>> 52) & 0x7ff;
    long mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
    int shift = biasedExponent - 1075;
    int trailingZeros = Long.numberOfTrailingZeros(mantissa);
    mantissa >>= trailingZeros;
    shift += trailingZeros;
    if (shift >= 0) {
      return Math.multiplyExact(value, mantissa << shift);
    }
    // 128-bit product hi:lo, then an arithmetic right shift, which rounds towards -infinity.
    int k = -shift; // 1..55 for rates in [0.25, 4]
    long hi = Math.multiplyHigh(value, mantissa);
    long lo = value * mantissa;
    long shiftedLo = (lo >>> k) | (hi << (64 - k));
    long shiftedHi = hi >> k;
    if (shiftedHi != (shiftedLo >> 63)) {
      throw new ArithmeticException("position overflows a long");
    }
    return shiftedLo;
  }
}
