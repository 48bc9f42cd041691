import type { CacheEntry } from './CacheEntry';

/** How long a value counts as fresh, and how much longer it may still be served when a reload fails. */
export interface CacheSetOptions {
  ttlSeconds: number;
  /** Extra time the entry is kept after it goes stale, for stale-if-error. Default 0. */
  staleSeconds?: number;
}

/**
 * The one cache interface every data source uses; Redis and the in-process LRU both implement it.
 *
 * Contract, so callers never need a try/catch around the cache:
 * - `get` never rejects: a broken or unreachable backend is a miss.
 * - `set` and `delete` never reject for backend failures either (a cache that cannot be written
 *   must not fail the request); they do throw for values that are not JSON-serialisable, which is
 *   a bug in the caller and should surface in its first test.
 * - Values go through JSON in both backends, so what comes back is a copy with JSON's semantics
 *   (`Date` becomes a string, `undefined` properties disappear) whichever backend is configured.
 */
export interface Cache {
  /** The type is the caller's promise: versioned keys (see `cached`) are what keep it honest. */
  get<T = unknown>(key: string): Promise<CacheEntry<T> | undefined>;
  set<T>(key: string, value: T, options: CacheSetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Runs `work` once for concurrent callers with the same key in this process and shares its
   * promise. It lives on the cache instance because the in-flight map is per-cache state, and the
   * house rule forbids keeping it at module level.
   */
  singleFlight<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
