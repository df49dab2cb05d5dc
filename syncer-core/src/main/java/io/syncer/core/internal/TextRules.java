package io.syncer.core.internal;

import io.syncer.core.error.InvalidInputException;

/**
 * Checks shared by every text field the services accept; not part of the public API.
 *
 * <p>Control characters are refused everywhere except line breaks and tabs in multi-line fields:
 * they corrupt logs and terminals, and PostgreSQL cannot store U+0000 at all. Unpaired surrogates
 * are refused because they cannot be encoded as UTF-8.
 *
 * <p>Thread-safety: stateless.
 */
public final class TextRules {

  private TextRules() {}

  /**
   * Returns {@code value} stripped of leading and trailing white space after checking it is
   * present, at most {@code maxLength} characters long and free of control characters.
   *
   * @throws InvalidInputException with code {@code invalid_<field>} otherwise
   */
  public static String singleLine(String field, String value, int maxLength) {
    return check(field, value, maxLength, false, false);
  }

  /** Like {@link #singleLine} but allows line breaks and tabs; the result may be empty. */
  public static String multiLine(String field, String value, int maxLength) {
    return check(field, value, maxLength, true, true);
  }

  private static String check(
      String field, String value, int maxLength, boolean multiLine, boolean emptyAllowed) {
    if (value == null) {
      throw invalid(field, field + " is required");
    }
    String stripped = value.strip();
    if (stripped.isEmpty() && !emptyAllowed) {
      throw invalid(field, field + " must not be blank");
    }
    if (stripped.length() > maxLength) {
      throw invalid(field, field + " is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean allowedBreak = multiLine && (c == '\n' || c == '\r' || c == '\t');
      if (Character.isISOControl(c) && !allowedBreak) {
        throw invalid(field, field + " contains a control character");
      }
      if (Character.isSurrogate(c) && !isPairedSurrogate(stripped, i)) {
        throw invalid(field, field + " contains an unpaired surrogate");
      }
    }
    return stripped;
  }

  private static boolean isPairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** The refusal for a field: code {@code invalid_<field>}. */
  public static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException("invalid_" + field, message);
  }
}
