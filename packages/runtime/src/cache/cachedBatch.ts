import type { Cache } from './Cache';
import { cacheKey, type CachedOptions, type CachedResult, type CachePolicy } from './cached';

export interface CachedBatchRequest {
  /** The data source's key, as passed to `cached` (the policy adds namespace and version). */
  key: string;
  policy: CachePolicy;
}

/** Per key: the loaded value, or an Error for that key alone. A key left out counts as an Error. */
export type BatchLoad<T> = (keys: string[]) => Promise<Map<string, T | Error>>;

/**
 * `cached` for a batch: reads every key first, then calls `loadMany` ONCE with the keys that are
 * missing or stale, so an upstream that answers many keys in one call (GitHub's aliased GraphQL,
 * PagerDuty's `service_ids[]`) is asked once per batch, not once per key. Same semantics per key
 * as `cached`: fresh hits skip the load; a failed reload falls back to a stale entry
 * (stale-if-error); with nothing cached the key's error is returned. It never throws: a throwing
 * `loadMany` fails (or falls back for) every key it was asked for. There is no cross-request
 * single-flight here: the callers are per-request DataLoaders, which already de-duplicate keys.
 */
export async function cachedBatch<T>(
  cache: Cache,
  requests: readonly CachedBatchRequest[],
  loadMany: BatchLoad<T>,
  options: CachedOptions = {},
): Promise<Map<string, CachedResult<T> | Error>> {
  const now = options.now ?? Date.now;
  const results = new Map<string, CachedResult<T> | Error>();
  const entries = await Promise.all(requests.map((r) => cache.get<T>(cacheKey(r.policy, r.key))));
  const toLoad = requests.flatMap((request, i) => {
    const entry = entries[i];
    if (entry && entry.freshUntil > now()) {
      results.set(request.key, { value: entry.value, stale: false, storedAt: entry.storedAt, source: 'cache' });
      return [];
    }
    return [{ request, entry }];
  });
  if (toLoad.length === 0) return results;

  let loaded: Map<string, T | Error>;
  try {
    loaded = await loadMany(toLoad.map(({ request }) => request.key));
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    loaded = new Map(toLoad.map(({ request }) => [request.key, failure]));
  }
  const storedAt = now();
  await Promise.all(
    toLoad.map(async ({ request, entry }) => {
      const value = loaded.has(request.key) ? (loaded.get(request.key) as T | Error) : new Error(`no result for "${request.key}"`);
      if (value instanceof Error) {
        results.set(request.key, entry ? { value: entry.value, stale: true, storedAt: entry.storedAt, source: 'cache', error: value } : value);
        return;
      }
      await cache.set(cacheKey(request.policy, request.key), value, { ttlSeconds: request.policy.ttlSeconds, staleSeconds: request.policy.staleSeconds });
      results.set(request.key, { value, stale: false, storedAt, source: 'load' });
    }),
  );
  return results;
}
