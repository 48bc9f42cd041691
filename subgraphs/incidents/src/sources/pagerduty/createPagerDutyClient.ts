import { api } from '@pagerduty/pdjs';
// The response type is not re-exported from the package root.
import type { APIResponse } from '@pagerduty/pdjs/build/src/api';
import { UpstreamError, redactUrl, type Logger, type Upstream } from '@devgraph/runtime';
import { pagerDutyError, type PdResponseLike } from './pagerDutyError';
import { PAGERDUTY } from './pagerDutyPolicy';
import type { PdQuery } from './pagerDutyWire';

export interface PagerDutyClientOptions {
  /** `https://api.pagerduty.com` in production, the simulator's http URL in development. */
  baseUrl: string;
  /**
   * PagerDuty as the runtime reaches it: the credential header, timeout per attempt (one attempt
   * reads every page of a list), retries, breaker, metrics and logs. Used, not owned.
   */
  upstream: Upstream;
  /** pdjs's own wait between its (hard-coded, three) 429 retries; its default is 20 s. */
  rateLimitWaitMs: number;
  /** Items per page, at most 100 (PagerDuty's limit). */
  pageSize: number;
  /** Pages read per list before stopping with `truncated: true`. */
  maxPages: number;
  logger: Logger;
}

export interface PdList<T> {
  items: T[];
  /** PagerDuty still said `more` when the page cap stopped us. */
  truncated: boolean;
}

export interface PagerDutyClient {
  /** A paginated list endpoint (`/incidents`, `/oncalls`, ...): every page up to the cap. */
  list<T>(path: string, key: string, query: PdQuery, description: string): Promise<PdList<T>>;
  /** One resource (`/services/{id}`); `null` when PagerDuty says 404. */
  get<T>(path: string, key: string, query: PdQuery, description: string): Promise<T | null>;
}

/**
 * PagerDuty through `@pagerduty/pdjs` and the runtime's Upstream, with pdjs's pitfalls handled:
 * - pdjs builds `https://${server}` itself, so a full `url` is passed to reach an http base;
 * - pdjs writes its own `Authorization` from a `token`; none is given to it, and the upstream's
 *   header (`Token token=...`) is passed per request, which pdjs spreads over its own;
 * - `.all()` parses the resource name out of a `.com` URL, so pages are walked with `next()`;
 * - non-2xx answers resolve with `ok: false` and become UpstreamError here;
 * - pdjs retries a 429 three times after `retryTimeout` (20 s by default), which is set short;
 *   a 429 that still comes out of pdjs is marked `retriedByClient`, so the upstream adds no
 *   rounds of its own (4 requests per call, not 4 x 3); the upstream owns the other retries,
 *   Retry-After, the timeout and the circuit breaker (which a 429 never opens);
 * - its `requestTimeout` only starts an idle timer that keeps Node alive, so it is switched off
 *   and the upstream's AbortSignal is passed instead.
 */
export function createPagerDutyClient(options: PagerDutyClientOptions): PagerDutyClient {
  const { upstream } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  async function request(url: string, query: PdQuery, signal: AbortSignal): Promise<APIResponse> {
    try {
      return await api({
        url,
        method: 'GET',
        queryParameters: query,
        headers: upstream.authHeaders(),
        retryTimeout: options.rateLimitWaitMs,
        requestTimeout: 0,
        signal,
      });
    } catch (error) {
      throw unparsable(error, url);
    }
  }

  function check(response: APIResponse, url: string): APIResponse {
    if (!response.ok) throw pagerDutyError(response as PdResponseLike, url, Date.now(), { retriedByClient: response.status === 429 });
    return response;
  }

  return {
    list<T>(path: string, key: string, query: PdQuery, description: string) {
      const url = `${baseUrl}${path}`;
      upstream.requireCredential(`GET ${redactUrl(url)}`);
      // One attempt walks all pages under one signal: a timeout aborts the page in flight, and a
      // retry starts again from offset 0 so the result is never stitched from two snapshots.
      return upstream.call(async (signal) => {
        const items: T[] = [];
        let response = check(await request(url, { ...query, limit: String(options.pageSize), offset: '0' }, signal), url);
        for (let page = 1; ; page++) {
          items.push(...itemsOf<T>(response.data, key, url));
          if (!response.next) return { items, truncated: false };
          if (page >= options.maxPages) {
            options.logger.warn({ upstream: PAGERDUTY, path, pages: page, items: items.length }, 'PagerDuty list truncated at PAGERDUTY_MAX_PAGES');
            return { items, truncated: true };
          }
          const next = response.next;
          response = check(await next().catch((error: unknown) => Promise.reject(unparsable(error, url))), url);
        }
      }, description);
    },
    async get<T>(path: string, key: string, query: PdQuery, description: string) {
      const url = `${baseUrl}${path}`;
      upstream.requireCredential(`GET ${redactUrl(url)}`);
      try {
        return await upstream.call(async (signal) => {
          const value = (check(await request(url, query, signal), url).data as Record<string, unknown> | undefined)?.[key];
          if (value === undefined) throw new UpstreamError({ upstream: PAGERDUTY, status: 200, message: `PagerDuty's answer has no "${key}"`, request: `GET ${redactUrl(url)}` });
          return value as T;
        }, description);
      } catch (error) {
        if (error instanceof UpstreamError && error.status === 404) return null;
        throw error;
      }
    },
  };
}

function itemsOf<T>(data: unknown, key: string, url: string): T[] {
  const list = (data as Record<string, unknown> | undefined)?.[key];
  if (!Array.isArray(list)) throw new UpstreamError({ upstream: PAGERDUTY, status: 200, message: `PagerDuty's answer has no "${key}" list`, request: `GET ${redactUrl(url)}` });
  return list as T[];
}

/** pdjs rejects with the Response itself when the body is not JSON (a proxy's HTML 502, say). */
function unparsable(error: unknown, url: string): unknown {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== 'number') return error;
  return pagerDutyError({ status, headers: (error as PdResponseLike).headers }, url);
}
