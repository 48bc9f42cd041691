/** The outcome of taking one token from a caller's bucket. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Tokens left after this request (0 when refused). */
  remaining: number;
  /** When refused: milliseconds until one token is back. 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Token buckets, one per key: `capacity` tokens (a minute's worth, so a burst of a minute's
 * allowance is fine), refilled continuously at `capacity` per minute. `nowMs` is passed in so
 * tests drive time, and so replicas sharing Redis agree on one formula.
 */
export interface RateLimitStore {
  take(key: string, nowMs: number): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

export const MS_PER_MINUTE = 60_000;

/** The refill arithmetic shared by the memory store and (in Lua) the Redis store. */
export function refill(tokens: number, lastMs: number, nowMs: number, perMinute: number): number {
  const elapsed = Math.max(0, nowMs - lastMs);
  return Math.min(perMinute, tokens + (elapsed * perMinute) / MS_PER_MINUTE);
}

/** Milliseconds until a bucket holding `tokens` (< 1) has one whole token. */
export function msUntilOneToken(tokens: number, perMinute: number): number {
  return Math.ceil(((1 - tokens) * MS_PER_MINUTE) / perMinute);
}
