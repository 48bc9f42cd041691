/**
 * The Backstage catalog REST API over `fetch`, through the runtime's Upstream: its credential
 * (`Authorization: Bearer`), timeout per attempt, bounded retries with jitter on 429/5xx, circuit
 * breaker, metrics and logs. What is left here is Backstage's: its URLs, its paging and its
 * answers (errors mapped in backstageError).
 */
import { redactUrl, type Upstream } from '@devgraph/runtime';
import { backstageError, malformedAnswer } from './backstageError';
import type { BackstageByRefsResponse, BackstageEntity, BackstageQueryResponse } from './backstageWire';

export interface BackstageClientOptions {
  /** e.g. `http://localhost:7007`; the catalog API is at `${baseUrl}/api/catalog`. */
  baseUrl: string;
  /** Backstage as an upstream; the client uses it but does not own it (the wiring closes it). */
  upstream: Upstream;
  /** Entities per by-query page. */
  pageSize: number;
  /** Guard against a backend whose cursors never end. */
  maxPages?: number;
}

export interface BackstageClient {
  /** Every entity, following `pageInfo.nextCursor` until it is absent. */
  listEntities(): Promise<{ items: BackstageEntity[]; pages: number; totalItems: number }>;
  /** One call for all refs: results in `refs` order, null for a miss. */
  getEntitiesByRefs(refs: readonly string[]): Promise<(BackstageEntity | null)[]>;
}

export function createBackstageClient(options: BackstageClientOptions): BackstageClient {
  const { upstream } = options;
  const api = `${options.baseUrl.replace(/\/+$/, '')}/api/catalog`;
  const maxPages = options.maxPages ?? 10_000;

  async function request<T>(method: 'GET' | 'POST', url: string, body: unknown, description: string): Promise<T> {
    return upstream.call(async (signal) => {
      const response = await fetch(url, {
        method,
        signal,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          // Without BACKSTAGE_TOKEN none is sent: a backend with guest access still answers.
          ...upstream.authHeaders(),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw await backstageError(response, `${method} ${redactUrl(url)}`);
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
        if (!Array.isArray(page?.items)) throw malformedAnswer('by-query answered without an items array');
        items.push(...page.items);
        totalItems = typeof page.totalItems === 'number' ? page.totalItems : items.length;
        pages += 1;
        cursor = page.pageInfo?.nextCursor || undefined;
        if (cursor && seen.has(cursor)) throw malformedAnswer('by-query returned the same cursor twice');
        if (cursor) seen.add(cursor);
        if (pages >= maxPages && cursor) throw malformedAnswer(`by-query paging did not end after ${maxPages} pages`);
      } while (cursor);
      return { items, pages, totalItems };
    },
    async getEntitiesByRefs(refs) {
      if (refs.length === 0) return [];
      const answer = await request<BackstageByRefsResponse>('POST', `${api}/entities/by-refs`, { entityRefs: refs }, `entities by-refs (${refs.length})`);
      if (!Array.isArray(answer?.items) || answer.items.length !== refs.length) {
        throw malformedAnswer(`by-refs answered ${Array.isArray(answer?.items) ? answer.items.length : 'no'} items for ${refs.length} refs`);
      }
      return answer.items.map((item) => item ?? null);
    },
  };
}
