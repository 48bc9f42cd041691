import type { Cache } from './Cache';

/**
 * How one kind of data is cached. The stored key is `${namespace}:${version}:${key}`:
 * - one namespace per data source (`github`, `pagerduty`, ...) so sources cannot collide and one
 *   source's keys can be found or dropped together;
 * - a version bumped whenever the cached value's shape changes, so a new release reads its own
 *   keys instead of parsing old shapes that older replicas (or the previous deploy) wrote to the
 *   shared Redis. Old keys are never migrated; they simply expire.
 */
export interface CachePolicy {
  namespace: string;
  version: string | number;
  /** How long a value is served without asking the upstream. */
  ttlSeconds: number;
  /** How much longer it may still be served if the upstream fails (stale-if-error). */
  staleSeconds: number;
}

export interface CachedResult<T> {
  value: T;
  /** True when the value is past its freshness and was served because reloading failed. */
  stale: boolean;
  /** When the value was loaded from the upstream (epoch ms), for "as of" hints to clients. */
  storedAt: number;
  /** Where the value came from this time, for hit-rate metrics. */
  source: 'cache' | 'load';
  /** The reload failure that made us serve a stale value. */
  error?: unknown;
}

export interface CachedOptions {
  /** Clock in epoch ms. Default `Date.now`. */
  now?: () => number;
}

export function cacheKey(policy: Pick<CachePolicy, 'namespace' | 'version'>, key: string): string {
  return `${policy.namespace}:${policy.version}:${key}`;
}

/**
 * Read-through: a fresh hit returns without calling `load`; a miss loads, stores and returns; a
 * stale hit reloads and falls back to the stale value if the reload throws. With nothing cached a
 * load failure is rethrown. Concurrent calls for the same key in this process share one
 * cache read and one load (single-flight), so a burst of requests costs the upstream one call.
 */
export function cached<T>(
  cache: Cache,
  policy: CachePolicy,
  key: string,
  load: () => Promise<T>,
  options: CachedOptions = {},
): Promise<CachedResult<T>> {
  const now = options.now ?? Date.now;
  const fullKey = cacheKey(policy, key);
  const store = { ttlSeconds: policy.ttlSeconds, staleSeconds: policy.staleSeconds };

  return cache.singleFlight(fullKey, async (): Promise<CachedResult<T>> => {
    const entry = await cache.get<T>(fullKey);
    if (entry && entry.freshUntil > now()) {
      return { value: entry.value, stale: false, storedAt: entry.storedAt, source: 'cache' };
    }
    let value: T;
    try {
      value = await load();
    } catch (error) {
      if (!entry) throw error;
      return { value: entry.value, stale: true, storedAt: entry.storedAt, source: 'cache', error };
    }
    const storedAt = now();
    await cache.set(fullKey, value, store);
    return { value, stale: false, storedAt, source: 'load' };
  });
}
