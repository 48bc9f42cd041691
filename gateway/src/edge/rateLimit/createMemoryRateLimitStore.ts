import { msUntilOneToken, refill, type RateLimitStore } from './RateLimitStore';

export interface MemoryRateLimitOptions {
  /** Requests per minute per key; also the bucket's size. */
  perMinute: number;
  /**
   * Buckets kept; past this the least recently used is dropped (it refills to full anyway
   * within a minute of quiet). Bounds memory when many anonymous IPs call.
   * @default 100000
   */
  maxKeys?: number;
}

/** One process's buckets, for a single replica or when no `REDIS_URL` is set. */
export function createMemoryRateLimitStore(options: MemoryRateLimitOptions): RateLimitStore {
  const { perMinute } = options;
  const maxKeys = options.maxKeys ?? 100_000;
  // Insertion order is recency order: a key is deleted and re-set on every use.
  const buckets = new Map<string, { tokens: number; lastMs: number }>();
  return {
    async take(key, nowMs) {
      const bucket = buckets.get(key);
      const tokens = bucket ? refill(bucket.tokens, bucket.lastMs, nowMs, perMinute) : perMinute;
      buckets.delete(key);
      const allowed = tokens >= 1;
      const left = allowed ? tokens - 1 : tokens;
      buckets.set(key, { tokens: left, lastMs: Math.max(nowMs, bucket?.lastMs ?? nowMs) });
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return { allowed, remaining: Math.floor(left), retryAfterMs: allowed ? 0 : msUntilOneToken(left, perMinute) };
    },
    async close() {
      buckets.clear();
    },
  };
}
