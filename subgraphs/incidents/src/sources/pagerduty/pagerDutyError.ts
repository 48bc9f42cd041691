import { UpstreamError, parseRetryAfter, redactUrl } from '@devgraph/runtime';
import { PAGERDUTY } from './pagerDutyPolicy';

/** What pdjs gives us for a finished request: a fetch Response with the parsed body in `data`. */
export interface PdResponseLike {
  status: number;
  ok?: boolean;
  data?: unknown;
  headers?: { get(name: string): string | null };
}

// Messages follow the `pagerduty: ...` prefix toGraphQLError adds.
const describeStatus: Record<number, string> = {
  400: 'request rejected as invalid',
  401: 'API token not accepted',
  403: 'access refused for this token',
  404: 'no such resource',
  429: 'rate limit reached',
};

/**
 * A non-2xx PagerDuty answer as the one upstream error type. PagerDuty's body is
 * `{ error: { message, code, errors[] } }`; its message is kept (it never echoes the token), the
 * request (always a GET: devgraph only reads) is recorded without credentials, and the wait PagerDuty asks for on 429 is read from
 * `Retry-After` or, failing that, `ratelimit-reset` (seconds until the window resets).
 */
export function pagerDutyError(response: PdResponseLike, url: string, now = Date.now(), options: { retriedByClient?: boolean } = {}): UpstreamError {
  const body = response.data as { error?: { message?: unknown; errors?: unknown } } | undefined;
  const upstreamMessage = typeof body?.error?.message === 'string' ? body.error.message : undefined;
  const details = Array.isArray(body?.error?.errors) ? body.error.errors.filter((e): e is string => typeof e === 'string') : [];
  const what = describeStatus[response.status] ?? (response.status >= 500 ? 'server error' : 'error answer');
  const said = [upstreamMessage, ...details].filter(Boolean).join('; ');
  const rateLimited = response.status === 429;
  const retryAfter = response.headers?.get('retry-after') ?? response.headers?.get('ratelimit-reset') ?? undefined;
  return new UpstreamError({
    upstream: PAGERDUTY,
    status: response.status,
    kind: rateLimited ? 'rate-limited' : response.status === 404 ? 'not-found' : 'http',
    message: `${what}${said ? ` (${said})` : ''}`,
    retryAfterMs: rateLimited ? parseRetryAfter(retryAfter, now) : undefined,
    request: `GET ${redactUrl(url)}`,
    retriedByClient: options.retriedByClient,
  });
}
