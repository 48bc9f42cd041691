import type { Cache } from './Cache';
import { createMemoryCache } from './createMemoryCache';
import { createRedisCache } from './createRedisCache';

export interface CreateCacheOptions {
  /** When set, the shared Redis cache; otherwise an in-process LRU (fine for one replica). */
  redisUrl?: string;
  /** Key prefix per deployment, separator included (e.g. `devgraph:prod:`); Redis only. */
  keyPrefix: string;
  /** Entry bound for the in-process LRU. */
  maxEntries: number;
  /** Backend trouble (Redis only); see `RedisCacheOptions.onError`. */
  onError?: (error: unknown) => void;
  /** Redis only: longest one command may take before it counts as a miss (default 500 ms). */
  commandTimeoutMs?: number;
  now?: () => number;
}

/** Picks the backend from config, so data sources only ever see `Cache`. */
export function createCache(options: CreateCacheOptions): Cache {
  if (options.redisUrl) {
    return createRedisCache({ url: options.redisUrl, keyPrefix: options.keyPrefix, onError: options.onError, commandTimeoutMs: options.commandTimeoutMs, now: options.now });
  }
  return createMemoryCache({ maxEntries: options.maxEntries, now: options.now });
}
