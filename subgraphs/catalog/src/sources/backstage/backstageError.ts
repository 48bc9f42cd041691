/**
 * Backstage's answers -> the one upstream error type. Every HTTP failure is mapped here, once:
 * the status, Backstage's own error message (`NotAllowedError: ...`) and the redacted request,
 * with a hint for the two statuses an operator fixes in configuration.
 */
import { parseRetryAfter, UpstreamError } from '@devgraph/runtime';
import type { BackstageErrorBody } from './backstageWire';

export const BACKSTAGE = 'backstage';

/** A non-2xx answer; reads Backstage's error body when there is one. */
export async function backstageError(response: Response, request: string): Promise<UpstreamError> {
  let detail = response.statusText;
  try {
    const body = (await response.json()) as Partial<BackstageErrorBody>;
    if (body?.error?.message) detail = `${body.error.name ?? 'Error'}: ${body.error.message}`;
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  const hint = response.status === 401 ? '; check BACKSTAGE_TOKEN' : response.status === 403 ? '; the token may not read the catalog' : '';
  return new UpstreamError({
    upstream: BACKSTAGE,
    status: response.status,
    kind: response.status === 429 ? 'rate-limited' : 'http',
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after') ?? undefined),
    message: `${request} failed: ${detail}${hint}`,
    request,
  });
}

/** A 2xx answer devgraph cannot use (no items array, paging that never ends): a bad gateway. */
export function malformedAnswer(message: string): UpstreamError {
  return new UpstreamError({ upstream: BACKSTAGE, status: 502, message: `unexpected answer: ${message}` });
}
