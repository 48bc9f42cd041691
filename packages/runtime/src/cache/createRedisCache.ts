import Redis from 'ioredis';
import type { Cache, CacheSetOptions } from './Cache';
import { createEntry, decodeEntry, encodeEntry, retentionMs } from './CacheEntry';
import { createSingleFlight } from './createSingleFlight';

export interface RedisCacheOptions {
  /** `redis://[:password@]host:port[/db]`; may carry a password, so never log it. */
  url: string;
  /** Prepended to every key, separator included (e.g. `devgraph:prod:`), so deployments sharing a Redis stay apart. */
  keyPrefix: string;
  /**
   * Told about backend trouble: once per outage (re-armed when the connection is ready or a
   * command succeeds again), and for each value under our key that cannot be decoded.
   */
  onError?: (error: unknown) => void;
  /** Longest a single cache command may take before it counts as a miss. Default 500 ms. */
  commandTimeoutMs?: number;
  /** Longest a connection attempt may take. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Clock in epoch ms for `storedAt`/`freshUntil`. Default `Date.now`. */
  now?: () => number;
}

/**
 * Shared cache for replicas: every replica pointed at the same Redis and prefix sees the others'
 * writes. Redis expires an entry at fresh TTL + stale window; freshness is read from the entry.
 *
 * A cache must never be the reason a request fails or waits: commands are bounded by
 * `commandTimeoutMs`, and once an outage has been seen, calls made while the connection is not
 * ready return a miss at once instead of queueing, until ioredis reconnects in the background.
 */
export function createRedisCache(options: RedisCacheOptions): Cache {
  const now = options.now ?? Date.now;
  const singleFlight = createSingleFlight();
  const client = new Redis(options.url, {
    keyPrefix: options.keyPrefix,
    // Connect on first use, so creating a cache at startup cannot fail or block startup.
    lazyConnect: true,
    commandTimeout: options.commandTimeoutMs ?? 500,
    connectTimeout: options.connectTimeoutMs ?? 1000,
    // One retry per command at most; the default (20) would keep a request waiting on a dead Redis.
    maxRetriesPerRequest: 1,
    // Keep reconnecting in the background with a capped backoff; requests do not wait for it.
    retryStrategy: (times) => Math.min(times * 200, 2000),
    // ioredis waits this long (default 2 s) for a closing socket before destroying it, holding a
    // timer even for a socket that already died; a cache has nothing worth a graceful wait.
    disconnectTimeout: 100,
  });

  let outageReported = false;
  const reportOutage = (error: unknown) => {
    if (outageReported) return;
    outageReported = true;
    options.onError?.(error);
  };
  const recovered = () => {
    outageReported = false;
  };
  // Without an 'error' listener ioredis prints every failed reconnect; ours also marks the outage.
  client.on('error', reportOutage);
  client.on('ready', recovered);

  const knownDown = () => outageReported && client.status !== 'ready';

  /** Runs a command; backend failures become `fallback`. */
  async function attempt<R>(command: () => Promise<R>, fallback: R): Promise<R> {
    if (knownDown()) return fallback;
    try {
      const result = await command();
      recovered();
      return result;
    } catch (error) {
      reportOutage(error);
      return fallback;
    }
  }

  return {
    async get<T>(key: string) {
      const text = await attempt(() => client.get(key), null);
      if (text === null) return undefined;
      const entry = decodeEntry<T>(text);
      if (!entry) options.onError?.(new Error(`cache value under "${key}" is not a cache entry; treated as a miss`));
      return entry;
    },
    async set<T>(key: string, value: T, { ttlSeconds, staleSeconds }: CacheSetOptions) {
      const keepMs = retentionMs(ttlSeconds, staleSeconds);
      if (keepMs <= 0) return;
      // Encoded outside `attempt` so a value that is not JSON-serialisable throws to the caller.
      const text = encodeEntry(createEntry(value, now(), ttlSeconds));
      await attempt(() => client.set(key, text, 'PX', keepMs), undefined);
    },
    async delete(key: string) {
      await attempt(() => client.del(key), undefined);
    },
    singleFlight: (key, work) => singleFlight.run(key, work),
    async close() {
      if (client.status === 'ready') {
        // QUIT is bounded by commandTimeout; if it fails, drop the socket anyway.
        await client.quit().catch(() => client.disconnect());
      } else {
        // Also stops any background reconnect loop, so a dead Redis does not keep the process alive.
        client.disconnect();
      }
    },
  };
}
