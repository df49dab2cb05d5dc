package io.syncer.core.account;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.syncer.core.error.AuthenticationException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Issues and checks the signed (HS256) JWT access tokens. */
final class AccessTokens {

  static final String ISSUER = "syncer";
  /** Our tokens are a few hundred bytes; anything much longer is refused before parsing. */
  static final int MAX_LENGTH = 4096;
  private static final String USERNAME_CLAIM = "name";
  private static final String SESSION_CLAIM = "sid";

  private final Algorithm algorithm;
  private final JWTVerifier verifier;

  AccessTokens(byte[] signingKey, Clock clock) {
    this.algorithm = Algorithm.HMAC256(signingKey);
    // The cast is java-jwt's documented way to verify expiry against an injected clock.
    JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(algorithm)
        .withIssuer(ISSUER)
        .withClaimPresence(USERNAME_CLAIM)
        .withClaimPresence(SESSION_CLAIM);
    this.verifier = verification.build(clock);
  }

  String issue(AuthenticatedUser user, Instant issuedAt, Instant expiresAt) {
    return JWT.create()
        .withIssuer(ISSUER)
        .withSubject(user.userId().toString())
        .withClaim(USERNAME_CLAIM, user.username())
        .withClaim(SESSION_CLAIM, user.sessionId().toString())
        .withIssuedAt(issuedAt)
        .withExpiresAt(expiresAt)
        .sign(algorithm);
  }

  /** Checks signature, issuer and expiry; the session is checked by the caller. */
  AuthenticatedUser verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      throw invalid();
    }
    DecodedJWT jwt;
    try {
      jwt = verifier.verify(token);
    } catch (TokenExpiredException e) {
      throw new AuthenticationException("token_expired", "The access token has expired; refresh it");
    } catch (JWTVerificationException e) {
      throw invalid();
    }
    try {
      return new AuthenticatedUser(
          UUID.fromString(jwt.getSubject()),
          jwt.getClaim(USERNAME_CLAIM).asString(),
          UUID.fromString(jwt.getClaim(SESSION_CLAIM).asString()));
    } catch (IllegalArgumentException | NullPointerException e) {
      // Correctly signed but not shaped like our tokens: only possible with a leaked key.
      throw invalid();
    }
  }

  private static AuthenticationException invalid() {
    return new AuthenticationException("invalid_token", "The access token is not valid");
  }
}
