import type { BatchResults, Cache, CachePolicy, Upstream } from '@devgraph/runtime';
import type { Freshness } from '../../model/types';

/** A list as far as devgraph read it: `truncated` when PagerDuty had more than the page cap. */
export interface Listed<T> {
  items: T[];
  truncated: boolean;
}

export interface ChunkedList<T> {
  upstream: Upstream;
  cache: Cache;
  policy: CachePolicy;
  /** Most ids in one `service_ids[]`/`escalation_policy_ids[]`/`user_ids[]` query (URL length). */
  chunkSize: number;
  /** The question without the ids (a filter, `policies`, `users`): part of every chunk's cache key. */
  question: string;
  /** One list call for a chunk of ids, normalised. */
  load: (chunk: string[]) => Promise<Listed<T>>;
  /** Which of the asked ids an item answers (an incident's service, a shift's policy or user). */
  idsOf: (item: T) => string[];
}

/**
 * Many ids answered by list calls that filter by ids: one cached call per chunk of `chunkSize`
 * ids, the items spread back to the ids they belong to. Each chunk is cached on its own (key: the
 * question plus the sorted ids), so a repeated dashboard is served from the cache and one failing
 * chunk fails only its own ids. An id no item belongs to gets an empty list.
 */
export async function readInChunks<T>(ids: readonly string[], list: ChunkedList<T>): Promise<BatchResults<Listed<T> & Freshness>> {
  const results: BatchResults<Listed<T> & Freshness> = new Map();
  const unique = [...new Set(ids)].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += list.chunkSize) chunks.push(unique.slice(i, i + list.chunkSize));
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const { value, stale, storedAt } = await list.upstream.cached(list.cache, list.policy, `${list.question}|${chunk.join(',')}`, () => list.load(chunk));
        const fetchedAt = new Date(storedAt).toISOString();
        const byId = new Map(chunk.map((id) => [id, { items: [] as T[], truncated: value.truncated, stale, fetchedAt }]));
        for (const item of value.items) for (const id of list.idsOf(item)) byId.get(id)?.items.push(item);
        for (const [id, listed] of byId) results.set(id, listed);
      } catch (error) {
        for (const id of chunk) results.set(id, error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  return results;
}
