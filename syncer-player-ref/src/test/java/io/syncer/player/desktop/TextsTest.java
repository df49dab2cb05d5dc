package io.syncer.player.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncer.player.api.ApiException;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void russianSaysEverythingEnglishSaysAndEveryPatternFormats() {
    ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT);
    ResourceBundle english = ResourceBundle.getBundle(Texts.BUNDLE, Locale.ENGLISH, exact);
    ResourceBundle russian = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag("ru"), exact);

    assertThat(Collections.list(russian.getKeys())).containsExactlyInAnyOrderElementsOf(Collections.list(english.getKeys()));
    for (String key : Collections.list(english.getKeys())) {
      assertThat(new MessageFormat(english.getString(key)).format(new Object[] {"x", 1, 2}))
          .as(key).doesNotContain("{");
      assertThat(russian.getString(key)).as(key).isNotBlank();
    }
    assertThat(new Texts(Locale.forLanguageTag("ru")).get("login.logIn")).isEqualTo("Войти");
    assertThat(english.getString("login.logIn")).isEqualTo("Log in");
  }

  @Test
  void serverRefusalsBecomeOurSentencesOrTheServers() {
    Texts texts = new Texts(Locale.ENGLISH);

    assertThat(texts.error(new ApiException(401, "invalid_credentials", "Invalid credentials"), "host:1"))
        .isEqualTo("Wrong user name or password.");
    assertThat(texts.error(new ApiException(0, ApiException.UNREACHABLE, "x"), "host:1")).contains("host:1");
    assertThat(texts.error(new ApiException(400, "invalid_year", "The year must be 1870..2100"), "host:1"))
        .isEqualTo("The year must be 1870..2100");
    assertThat(texts.problem(new IllegalStateException("bug with internals"), "host:1"))
        .isEqualTo(texts.get("error.unexpected"));
  }
}
