/**
 * Accounts and login sessions: {@link io.syncer.core.account.AccountService} registers users,
 * logs them in (Argon2id passwords, JWT access tokens, rotating refresh tokens) and verifies
 * tokens through {@link io.syncer.core.account.TokenVerifier}; {@link
 * io.syncer.core.account.AccountStore} is the persistence SPI behind it.
 */
package io.syncer.core.account;
