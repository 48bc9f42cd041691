/**
 * The Backstage catalog REST API, through the runtime's upstream caller (timeout per attempt,
 * bounded retries with jitter on 429/5xx, circuit breaker). Every HTTP failure becomes one
 * UpstreamError with the status, Backstage's own error message and the redacted request; the
 * token only ever travels in the Authorization header.
 */
import { createUpstreamCaller, parseRetryAfter, redactUrl, UpstreamError, type UpstreamCaller, type UpstreamEvent } from '@devgraph/runtime';
import type { BackstageByRefsResponse, BackstageEntity, BackstageErrorBody, BackstageQueryResponse } from './backstageWire';

export interface BackstageClientOptions {
  /** e.g. `http://localhost:7007`; the catalog API is at `${baseUrl}/api/catalog`. */
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  retries: number;
  /** Entities per by-query page. */
  pageSize: number;
  /** Guard against a backend whose cursors never end. */
  maxPages?: number;
  retryBaseDelayMs?: number;
  onEvent?: (event: UpstreamEvent) => void;
}

export interface BackstageClient {
  /** Every entity, following `pageInfo.nextCursor` until it is absent. */
  listEntities(): Promise<{ items: BackstageEntity[]; pages: number; totalItems: number }>;
  /** One call for all refs: results in `refs` order, null for a miss. */
  getEntitiesByRefs(refs: readonly string[]): Promise<(BackstageEntity | null)[]>;
  close(): void;
}

const UPSTREAM = 'backstage';

export function createBackstageClient(options: BackstageClientOptions): BackstageClient {
  const api = `${options.baseUrl.replace(/\/+$/, '')}/api/catalog`;
  const maxPages = options.maxPages ?? 10_000;
  const caller: UpstreamCaller = createUpstreamCaller({
    upstream: UPSTREAM,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    baseDelayMs: options.retryBaseDelayMs ?? 250,
    maxDelayMs: 10_000,
    onEvent: options.onEvent,
  });

  async function request<T>(method: 'GET' | 'POST', url: string, body: unknown, description: string): Promise<T> {
    return caller.call(async (signal) => {
      const response = await fetch(url, {
        method,
        signal,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(options.token && { authorization: `Bearer ${options.token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw await toUpstreamError(response, `${method} ${redactUrl(url)}`);
      return (await response.json()) as T;
    }, description);
  }

  return {
    async listEntities() {
      const items: BackstageEntity[] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      let pages = 0;
      let totalItems = 0;
      do {
        const params = new URLSearchParams({ limit: String(options.pageSize) });
        if (cursor) params.set('cursor', cursor);
        const page = await request<BackstageQueryResponse>('GET', `${api}/entities/by-query?${params}`, undefined, 'entities by-query page');
        if (!Array.isArray(page?.items)) throw malformed('by-query answered without an items array');
        items.push(...page.items);
        totalItems = typeof page.totalItems === 'number' ? page.totalItems : items.length;
        pages += 1;
        cursor = page.pageInfo?.nextCursor || undefined;
        if (cursor && seen.has(cursor)) throw malformed('by-query returned the same cursor twice');
        if (cursor) seen.add(cursor);
        if (pages >= maxPages && cursor) throw malformed(`by-query paging did not end after ${maxPages} pages`);
      } while (cursor);
      return { items, pages, totalItems };
    },
    async getEntitiesByRefs(refs) {
      if (refs.length === 0) return [];
      const answer = await request<BackstageByRefsResponse>('POST', `${api}/entities/by-refs`, { entityRefs: refs }, `entities by-refs (${refs.length})`);
      if (!Array.isArray(answer?.items) || answer.items.length !== refs.length) {
        throw malformed(`by-refs answered ${Array.isArray(answer?.items) ? answer.items.length : 'no'} items for ${refs.length} refs`);
      }
      return answer.items.map((item) => item ?? null);
    },
    close: () => caller.close(),
  };
}

function malformed(message: string): UpstreamError {
  return new UpstreamError({ upstream: UPSTREAM, status: 502, message: `unexpected answer: ${message}` });
}

/** Backstage's error body carries a useful message (`NotAllowedError: ...`); fall back to the status text. */
async function toUpstreamError(response: Response, request: string): Promise<UpstreamError> {
  let detail = response.statusText;
  try {
    const body = (await response.json()) as Partial<BackstageErrorBody>;
    if (body?.error?.message) detail = `${body.error.name ?? 'Error'}: ${body.error.message}`;
  } catch {
    // Not JSON (a proxy's HTML page): the status says enough.
  }
  const hint = response.status === 401 ? '; check BACKSTAGE_TOKEN' : response.status === 403 ? '; the token may not read the catalog' : '';
  return new UpstreamError({
    upstream: UPSTREAM,
    status: response.status,
    kind: response.status === 429 ? 'rate-limited' : 'http',
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after') ?? undefined),
    message: `${request} failed: ${detail}${hint}`,
    request,
  });
}
