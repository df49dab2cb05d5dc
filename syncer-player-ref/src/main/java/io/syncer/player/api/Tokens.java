package io.syncer.player.api;

import java.util.Objects;

/**
 * A logged-in session: the access token (REST calls, the room's {@code hello.token}) and the
 * refresh token that renews it. Secrets: {@link #toString()} never shows them.
 *
 * <p>Thread-safety: immutable.
 */
public record Tokens(String accessToken, String refreshToken, Account account) {

  public Tokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(account, "account");
  }

  @Override
  public String toString() {
    return "Tokens[account=" + account.username() + ", tokens=<hidden>]";
  }
}
