import { cacheKey, type Cache, type CachePolicy } from '../cache';
import { UpstreamError } from '../errors';

export interface StaleBudgetOptions {
  upstream: string;
  /** `<TOOL>_STALE_AFTER_MS`: how long a refresh may take while a stale value is at hand. */
  staleAfterMs: number;
}

export interface StaleBudget {
  /**
   * Wraps a `cached()` load. With a cached value present (past its freshness: `cached` only loads
   * then), the load gets `staleAfterMs`; past it the wrapper rejects, so `cached` serves the stale
   * value at once, marked stale, while the load goes on and its result is written to the cache when
   * it arrives. Without a cached value the load is awaited as it is.
   */
  wrap<T>(cache: Cache, policy: CachePolicy, key: string, load: () => Promise<T>): () => Promise<T>;
}

interface Refresh {
  promise: Promise<unknown>;
  /** Some caller stopped waiting: the refresh must store its own result. */
  abandoned: boolean;
}

/**
 * Stale-while-slow for one upstream. A hanging tool would otherwise hold every dashboard for
 * the whole call timeout even though the cache holds an answer. One refresh per key is in flight
 * at a time (per process): the requests that come while it runs wait on it with their own budget
 * instead of sending the hanging tool another call each.
 */
export function createStaleBudget(options: StaleBudgetOptions): StaleBudget {
  const refreshing = new Map<string, Refresh>();

  function start<T>(cache: Cache, policy: CachePolicy, fullKey: string, load: () => Promise<T>): Refresh {
    const refresh: Refresh = { promise: load(), abandoned: false };
    refreshing.set(fullKey, refresh);
    refresh.promise.then(
      async (value) => {
        if (refresh.abandoned) await cache.set(fullKey, value, { ttlSeconds: policy.ttlSeconds, staleSeconds: policy.staleSeconds });
      },
      // The call already counted and logged its failure; the stale value stays in the cache.
      () => undefined,
    ).finally(() => {
      if (refreshing.get(fullKey) === refresh) refreshing.delete(fullKey);
    });
    return refresh;
  }

  return {
    wrap(cache, policy, key, load) {
      const fullKey = cacheKey(policy, key);
      return async () => {
        let refresh = refreshing.get(fullKey);
        if (!refresh) {
          if (!(await cache.get(fullKey))) return load();
          refresh = start(cache, policy, fullKey, load);
        }
        return (await withinBudget(refresh, options)) as Awaited<ReturnType<typeof load>>;
      };
    },
  };
}

function withinBudget(refresh: Refresh, options: StaleBudgetOptions): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      refresh.abandoned = true;
      reject(new UpstreamError({
        upstream: options.upstream,
        kind: 'timeout',
        message: `no answer within ${options.staleAfterMs} ms (STALE_AFTER_MS); cached data served while the refresh goes on`,
      }));
    }, options.staleAfterMs);
  });
  return Promise.race([refresh.promise, budget]).finally(() => clearTimeout(timer));
}
