package io.syncer.player.desktop;

import io.syncer.player.api.ApiException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The desktop player's words in the user's language (English, Russian), from {@code
 * io/syncer/player/desktop/messages*.properties}.
 *
 * <p>Thread-safety: immutable.
 */
final class Texts {

  static final String BUNDLE = "io.syncer.player.desktop.messages";

  private final ResourceBundle bundle;
  private final Locale locale;

  Texts(Locale locale) {
    this.locale = locale;
    // No fallback to the machine's language: English asked for on a Russian machine is English.
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
  }

  String get(String key) {
    return bundle.getString(key);
  }

  /** The text under {@code key} with {@code arguments} in place of {0}, {1}, … */
  String format(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), locale).format(arguments);
  }

  /**
   * A failed server call as a sentence for a person: ours for the codes we know, the server's
   * own sentence otherwise.
   */
  String error(ApiException e, Object server) {
    try {
      return format("error." + e.code(), server);
    } catch (MissingResourceException unknownCode) {
      return e.getMessage();
    }
  }

  /** Any failure as a sentence for a person; never a stack trace. */
  String problem(Exception e, Object server) {
    if (e instanceof ApiException api) {
      return error(api, server);
    }
    if (e instanceof io.syncer.torrent.InvalidTorrentException) {
      return get("error.invalid_torrent");
    }
    if (e instanceof RuntimeException || e.getMessage() == null) {
      return get("error.unexpected");
    }
    return e.getMessage();
  }

  /** A byte rate for people: 850 KB, 1.2 MB. */
  String bytes(long count) {
    if (count < 1_000_000) {
      return String.format(locale, "%d KB", Math.round(count / 1000.0));
    }
    return String.format(locale, "%.1f MB", count / 1_000_000.0);
  }
}
