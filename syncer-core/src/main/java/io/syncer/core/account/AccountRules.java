package io.syncer.core.account;

import io.syncer.core.internal.TextRules;
import java.util.Locale;
import java.util.regex.Pattern;

/** Username format and password policy. */
final class AccountRules {

  static final int MIN_USERNAME = 3;
  static final int MAX_USERNAME = 32;
  static final int MIN_PASSWORD = 10;
  /** Bounds the hashing work one request can cause. */
  static final int MAX_PASSWORD = 128;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private AccountRules() {}

  static String checkUsername(String username) {
    if (username == null
        || username.length() < MIN_USERNAME
        || username.length() > MAX_USERNAME
        || !USERNAME.matcher(username).matches()) {
      throw TextRules.invalid("username",
          "Usernames are " + MIN_USERNAME + " to " + MAX_USERNAME + " characters: letters A-Z,"
              + " digits, '.', '_' and '-', starting with a letter or digit");
    }
    return username;
  }

  static void checkNewPassword(String username, String password) {
    if (password == null) {
      throw TextRules.invalid("password", "password is required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_PASSWORD || length > MAX_PASSWORD) {
      throw TextRules.invalid("password",
          "Passwords are " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
    if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      throw TextRules.invalid("password", "The password must not contain the username");
    }
    if (password.codePoints().distinct().count() < 4) {
      throw TextRules.invalid("password", "The password needs at least 4 different characters");
    }
  }

  /** True when the input could be a password of ours; longer input is refused unhashed. */
  static boolean plausiblePassword(String password) {
    return password != null && !password.isEmpty() && password.length() <= 2 * MAX_PASSWORD;
  }
}
