import crypto from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { Logger } from '@devgraph/runtime';
import type { JwtConfig } from './authConfig';
import { AuthenticationError } from './AuthenticationError';
import type { Identity } from './Identity';
import { scopesFromClaim } from './scopesFromClaim';
import { userFields } from './userFields';

/** Asymmetric algorithms only: a shared-secret HS256 token could be minted by anyone who can read the key. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** What the caller is told for each way a token fails; never the token or the key. */
function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired: get a new one from your identity provider.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'The token was issued by an issuer this gateway does not accept (JWT_ISSUER).';
    if (error.claim === 'aud') return 'The token is not meant for devgraph: its audience is not one JWT_AUDIENCE accepts.';
    if (error.claim === 'nbf') return 'The token is not valid yet (nbf is in the future).';
    return `The token's "${error.claim}" claim is missing or invalid.`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with a key the issuer does not publish (unknown kid).';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is invalid.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this gateway does not accept.';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return "The issuer's signing keys could not be fetched; retry in a moment.";
  return 'The token is not a valid JWT.';
}

export interface JwtAuthenticatorOptions {
  config: JwtConfig;
  logger: Logger;
}

/**
 * Verify an OIDC access or ID token with `jose`: signature against the issuer's JWKS (cached,
 * refetched when a token names an unknown `kid`, so key rotation needs no restart) or a PEM key,
 * then `iss`, `aud`, `exp` (required) and `nbf` with the configured clock skew.
 */
export function createJwtAuthenticator({ config, logger }: JwtAuthenticatorOptions): (token: string) => Promise<Identity> {
  const key: JWTVerifyGetKey | KeyLike = config.jwksUrl
    ? createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: config.jwksCooldownMs ?? 30_000, timeoutDuration: 5000 })
    : crypto.createPublicKey(config.publicKey ?? '');
  const options = { issuer: config.issuer, audience: config.audience, clockTolerance: config.clockSkewSeconds, algorithms: ALGORITHMS, requiredClaims: ['exp'] };

  return async (token) => {
    let payload: JWTPayload;
    try {
      // Two overloads (key vs key getter) share one call here.
      ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
    } catch (error) {
      const message = refusal(error);
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
        logger.warn({ err: error }, 'JWT verification failed on the gateway side');
      }
      throw new AuthenticationError(message);
    }
    const user = payload[config.userClaim];
    const subject = payload.sub ?? (typeof user === 'string' ? user : undefined);
    if (!subject) throw new AuthenticationError(`The token has neither a "sub" nor a "${config.userClaim}" claim to identify the caller.`);
    const fields = userFields(user);
    const email = typeof payload.email === 'string' ? payload.email : fields.email;
    return {
      kind: 'jwt',
      subject,
      ...(fields.userRef && { userRef: fields.userRef }),
      ...(email && { email }),
      scopes: config.scopesClaim ? scopesFromClaim(payload[config.scopesClaim]) : scopesFromClaim(undefined),
    };
  };
}
