import { parseRetryAfter, UpstreamError } from '@devgraph/runtime';
import type { GbErrorBody } from './growthBookWire';
import { GROWTHBOOK } from './growthBookPolicy';

export interface GrowthBookFailure {
  status: number;
  /** `Retry-After`, when GrowthBook (or a proxy in front of it) sent one. */
  retryAfter: string | null;
  /** The raw body: GrowthBook's `{ message }`, or a proxy's HTML page. */
  body: string;
  /** What devgraph was doing, for humans: `get experiment exp_1`. */
  description: string;
  /** Method and redacted URL. */
  request: string;
  /**
   * GrowthBook answers an unknown id (and "no results yet") with HTTP 400, not 404. Only an id
   * lookup may read it that way; on a list a 400 is a request devgraph got wrong.
   */
  notFoundOn400: boolean;
  /** The upstream's redactor: a body may echo the key. */
  redact: (text: string) => string;
}

/** GrowthBook's own words, bounded; `undefined` when the body is not its `{ message }`. */
function bodyMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as Partial<GbErrorBody>;
    return typeof parsed.message === 'string' && parsed.message ? parsed.message : undefined;
  } catch {
    return undefined; // a proxy's HTML error page: the status says enough
  }
}

/**
 * A non-2xx GrowthBook answer as the one upstream error type; the status -> code mapping itself
 * is the runtime's. Redacted before it is cut short, so a cut can never leave half a key behind.
 */
export function growthBookError(failure: GrowthBookFailure): UpstreamError {
  const said = bodyMessage(failure.body);
  const message = said ? `${failure.description}: ${failure.redact(said).slice(0, 300)}` : `${failure.description} failed`;
  const { status, request } = failure;
  if (status === 400 && failure.notFoundOn400) return new UpstreamError({ upstream: GROWTHBOOK, kind: 'not-found', status, message, request });
  return new UpstreamError({
    upstream: GROWTHBOOK,
    status,
    kind: status === 429 ? 'rate-limited' : 'http',
    retryAfterMs: parseRetryAfter(failure.retryAfter),
    message,
    request,
  });
}

/** A 2xx answer that is not the JSON GrowthBook documents: a proxy in the way, a bad gateway. */
export function malformedAnswer(description: string, request: string): UpstreamError {
  return new UpstreamError({ upstream: GROWTHBOOK, status: 502, message: `${description}: GrowthBook answered with something other than JSON`, request });
}
