package io.syncer.core.testing;

import io.syncer.core.account.AccountService;
import io.syncer.core.account.AccountStore;
import io.syncer.core.account.Argon2Settings;
import io.syncer.core.account.SigningKeyProvider;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Account services for tests: a random signing key and cheap Argon2 settings. */
public final class TestAccounts {

  /** Far below {@link Argon2Settings#RECOMMENDED}, so tests that register many users stay fast. */
  public static final Argon2Settings CHEAP_ARGON2 = new Argon2Settings(64, 1, 1);

  private TestAccounts() {}

  public static SigningKeyProvider randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return SigningKeyProvider.ofBase64(Base64.getEncoder().encodeToString(key));
  }

  public static AccountService service(AccountStore store, Clock clock) {
    return AccountService.builder(store, randomKey()).clock(clock).argon2(CHEAP_ARGON2).build();
  }
}
