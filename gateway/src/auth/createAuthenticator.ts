import { decodeProtectedHeader } from 'jose';
import type { Logger } from '@devgraph/runtime';
import type { AuthConfig } from './authConfig';
import { AuthenticationError } from './AuthenticationError';
import { createApiKeyAuthenticator } from './createApiKeyAuthenticator';
import { createJwtAuthenticator } from './createJwtAuthenticator';
import { ANONYMOUS, type Identity } from './Identity';

/** Turns the Authorization header into who is asking, or throws AuthenticationError. */
export type Authenticator = (authorization: string | undefined) => Promise<Identity>;

/** A bearer is a JWT when it has three dot-separated parts and a decodable JOSE header. */
function looksLikeJwt(token: string): boolean {
  if (token.split('.').length !== 3) return false;
  try {
    decodeProtectedHeader(token);
    return true;
  } catch {
    return false;
  }
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;

/**
 * The AUTH_MODE methods as one function. With `jwt,apikey` a bearer that parses as a JWT is
 * verified as one (and only as one), anything else is looked up as an API key.
 */
export function createAuthenticator(config: AuthConfig, logger: Logger): Authenticator {
  if (config.methods.length === 0) return async () => ANONYMOUS;
  const jwt = config.jwt ? createJwtAuthenticator({ config: config.jwt, logger }) : undefined;
  const apiKey = config.apiKeys ? createApiKeyAuthenticator(config.apiKeys) : undefined;
  const expected = [jwt && 'a JWT from your identity provider', apiKey && 'an API key'].filter(Boolean).join(' or ');
  return async (authorization) => {
    if (!authorization) throw new AuthenticationError(`Authentication required: send Authorization: Bearer <token> with ${expected}.`);
    const token = BEARER.exec(authorization)?.[1];
    if (!token) throw new AuthenticationError(`The Authorization header must be "Bearer <token>" with ${expected}.`);
    if (jwt && (!apiKey || looksLikeJwt(token))) return jwt(token);
    if (apiKey) return apiKey(token);
    throw new AuthenticationError(`Authentication required: send ${expected}.`);
  };
}
