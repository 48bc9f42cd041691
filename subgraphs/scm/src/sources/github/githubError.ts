import { parseRetryAfter, UpstreamError } from '@devgraph/runtime';
import type { GithubGraphqlError, OctokitGraphqlError, OctokitHttpError, WireHeaders } from './githubWire';
import { GITHUB } from './githubPolicy';

export const isOctokitGraphqlError = (e: unknown): e is OctokitGraphqlError => (e as { name?: unknown })?.name === 'GraphqlResponseError';
const isOctokitHttpError = (e: unknown): e is OctokitHttpError => (e as { name?: unknown })?.name === 'HttpError';

/** GitHub has used both names for its GraphQL rate-limit error type. */
export const isRateLimitType = (type: string | undefined) => type === 'RATE_LIMITED' || type === 'RATE_LIMIT';

/** How long GitHub asked us to wait: Retry-After (secondary limits) before the reset time (primary). */
export function retryAfterFrom(headers: WireHeaders | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) return parseRetryAfter(String(retryAfter), now);
  const reset = headers['x-ratelimit-reset'];
  return reset !== undefined ? parseRetryAfter(String(reset), now) : undefined;
}

/** When GitHub refuses for budget without saying until when, assume a minute rather than hammer it. */
export const UNKNOWN_RESET_MS = 60_000;

/** Removes the token from GitHub's text; identity where the caller has nothing to remove. */
export type Redact = (text: string) => string;
const keep: Redact = (text) => text;

/**
 * GitHub's text, bounded, without a final period (our error format adds its own punctuation).
 * Redacted before it is cut, so a cut can never leave half a token behind for the later pass.
 */
const trimmed = (text: string, redact: Redact) => redact(text).slice(0, 200).replace(/\.$/, '');

/** A short, secret-free text from GitHub's error body (`{ message }`), never the request. */
function bodyMessage(error: OctokitHttpError, redact: Redact): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  return trimmed(typeof data?.message === 'string' ? data.message : error.message, redact);
}

export const rateLimited = (message: string, retryAfterMs: number | undefined, status?: number) =>
  new UpstreamError({ upstream: GITHUB, kind: 'rate-limited', status, message, retryAfterMs });

/**
 * Octokit's HTTP errors as the one upstream error type; the status -> code mapping itself is
 * `codeForUpstreamError`'s. GitHub answers an exhausted budget with 403 (primary and secondary
 * limits) or 429: those become `rate-limited` so they report UPSTREAM_RATE_LIMITED, while a 403
 * that says nothing about limits stays FORBIDDEN. Errors octokit raises without a response
 * (refused connection, DNS) are network failures. Anything else is returned unchanged.
 */
export function toGithubError(error: unknown, request: string, redact: Redact = keep): unknown {
  if (!isOctokitHttpError(error)) return error;
  const headers = error.response?.headers;
  if (!error.response) {
    return new UpstreamError({ upstream: GITHUB, kind: 'network', message: `could not reach GitHub (${redact(error.message).slice(0, 120)})`, request, cause: error });
  }
  const message = bodyMessage(error, redact);
  const limited =
    error.status === 429 ||
    (error.status === 403 && (headers?.['x-ratelimit-remaining'] === '0' || headers?.['retry-after'] !== undefined || /rate limit/i.test(message)));
  if (limited) return new UpstreamError({ upstream: GITHUB, kind: 'rate-limited', status: error.status, message: `rate limit exceeded: ${message}`, retryAfterMs: retryAfterFrom(headers), request });
  if (error.status === 401) return new UpstreamError({ upstream: GITHUB, status: 401, message: `GitHub rejected the token: ${message}`, request });
  return new UpstreamError({ upstream: GITHUB, status: error.status, message, request, retryAfterMs: retryAfterFrom(headers) });
}

/**
 * A 200 answer with `errors`: rate limiting fails the whole call; errors on our aliases are
 * per-unit (returned for readGithubResponse); errors without a path mean GitHub rejected the
 * query itself (a devgraph bug: the contract test should have caught it).
 */
export function classifyGraphqlErrors(error: OctokitGraphqlError, request: string, resetAt?: string, redact: Redact = keep): { perUnit: GithubGraphqlError[] } {
  const limit = error.errors.find((e) => isRateLimitType(e.type));
  if (limit) {
    // Without a reset time, assume a minute: retrying a spent budget at once only burns calls.
    const retryAfterMs = retryAfterFrom(error.headers) ?? (resetAt ? Math.max(0, Date.parse(resetAt) - Date.now()) : UNKNOWN_RESET_MS);
    throw rateLimited(`GraphQL budget exhausted (${limit.type}): ${trimmed(limit.message, redact)}`, retryAfterMs);
  }
  const global = error.errors.find((e) => !e.path || e.path.length === 0);
  if (global) throw new UpstreamError({ upstream: GITHUB, kind: 'http', message: `GitHub rejected the query devgraph sent: ${trimmed(global.message, redact)}`, request });
  return { perUnit: error.errors };
}
