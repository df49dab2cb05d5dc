package io.syncer.core.transport;

/**
 * The WebSocket close codes (RFC 6455 §7.4) Syncer uses.
 *
 * <p>Thread-safety: immutable.
 */
public enum CloseCode {
  NORMAL(1000),
  GOING_AWAY(1001),
  /** The peer broke a rule: bad messages, flooding, guessing room codes, too slow to read. */
  POLICY_VIOLATION(1008),
  TOO_LARGE(1009),
  INTERNAL_ERROR(1011),
  /** The connection ended without a close frame (the peer vanished). Never sent. */
  ABNORMAL(1006);

  private final int code;

  CloseCode(int code) {
    this.code = code;
  }

  /** The numeric code on the wire. */
  public int code() {
    return code;
  }

  /** The constant for a numeric code; codes Syncer does not use map to {@link #ABNORMAL}. */
  public static CloseCode of(int code) {
    for (CloseCode known : values()) {
      if (known.code == code) {
        return known;
      }
    }
    return ABNORMAL;
  }
}
