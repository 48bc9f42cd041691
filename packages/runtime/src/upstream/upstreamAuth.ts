import { UpstreamError } from '../errors';

/**
 * How one upstream wants its credential: the header it is sent in, the variable an operator
 * sets, and what to say when it is missing. One strategy type, so no data source builds an
 * Authorization header by hand and every tool's token is known to the redactor.
 */
export interface UpstreamAuth {
  /** The secret itself; `undefined` when the operator configured none. */
  readonly token?: string;
  /** The environment variable that holds it, named in "set X" advice. */
  readonly variable?: string;
  /** Request headers that carry the credential (empty without one); `Authorization` capitalised as clients such as pdjs write it, so a caller's header replaces theirs instead of doubling it. */
  headers(): Record<string, string>;
}

/** `Authorization: <scheme> <token>`: GitHub (`bearer`), GrowthBook and Backstage (`Bearer`). */
export function bearerAuth(token: string | undefined, variable?: string, scheme = 'Bearer'): UpstreamAuth {
  return { token, variable, headers: (): Record<string, string> => (token ? { Authorization: `${scheme} ${token}` } : {}) };
}

/** PagerDuty's REST API key: `Authorization: Token token=<key>`. */
export function pagerDutyTokenAuth(token: string | undefined, variable?: string): UpstreamAuth {
  return { token, variable, headers: (): Record<string, string> => (token ? { Authorization: `Token token=${token}` } : {}) };
}

/** A tool reached without credentials (a network-authenticated mesh, a public simulator). */
export const noAuth: UpstreamAuth = { headers: () => ({}) };

/** The error a call gets when the tool needs a credential and none is configured. */
export function missingCredential(upstream: string, auth: UpstreamAuth, request?: string): UpstreamError {
  const fix = auth.variable ? `: set ${auth.variable}` : '';
  return new UpstreamError({ upstream, status: 401, message: `no credential configured${fix}`, request });
}
