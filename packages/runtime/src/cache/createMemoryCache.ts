import { LRUCache } from 'lru-cache';
import type { Cache, CacheSetOptions } from './Cache';
import { createEntry, decodeEntry, encodeEntry, retentionMs } from './CacheEntry';
import { createSingleFlight } from './createSingleFlight';

export interface MemoryCacheOptions {
  /** Upper bound on entries; the least recently used goes first. */
  maxEntries: number;
  /** Clock in epoch ms; injectable so tests can move time without sleeping. Default `Date.now`. */
  now?: () => number;
}

interface Slot {
  json: string;
  /** When the stale window ends and the entry may no longer be served at all. */
  expiresAt: number;
}

/**
 * The in-process cache used when no Redis is configured. Expiry is checked against our own clock
 * rather than lru-cache's TTL so entries outlive their freshness for stale-if-error and tests can
 * inject time. Values are stored as JSON so this backend behaves exactly like Redis: callers get
 * copies, and a value Redis could not store fails here too, in development, not in production.
 */
export function createMemoryCache(options: MemoryCacheOptions): Cache {
  const now = options.now ?? Date.now;
  const lru = new LRUCache<string, Slot>({ max: options.maxEntries });
  const singleFlight = createSingleFlight();

  return {
    async get<T>(key: string) {
      const slot = lru.get(key);
      if (!slot) return undefined;
      if (slot.expiresAt <= now()) {
        lru.delete(key);
        return undefined;
      }
      return decodeEntry<T>(slot.json);
    },
    async set<T>(key: string, value: T, { ttlSeconds, staleSeconds }: CacheSetOptions) {
      const keepMs = retentionMs(ttlSeconds, staleSeconds);
      if (keepMs <= 0) return;
      const at = now();
      lru.set(key, { json: encodeEntry(createEntry(value, at, ttlSeconds)), expiresAt: at + keepMs });
    },
    async delete(key: string) {
      lru.delete(key);
    },
    singleFlight: (key, work) => singleFlight.run(key, work),
    async close() {
      lru.clear();
    },
  };
}
