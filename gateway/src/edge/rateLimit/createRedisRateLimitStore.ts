import type { Redis } from 'ioredis';
import { MS_PER_MINUTE, type RateLimitStore } from './RateLimitStore';

export interface RedisRateLimitOptions {
  redis: Redis;
  /** Requests per minute per key; also the bucket's size. */
  perMinute: number;
  /** Key prefix per deployment (`CACHE_PREFIX`); buckets live at `<prefix>:ratelimit:v1:<key>`. */
  prefix: string;
}

/**
 * One bucket per key in a Redis hash, read, refilled and decremented by one Lua script so
 * replicas sharing Redis never race between read and write. The same formula as
 * `RateLimitStore.refill`. Returns {allowed, tokens left * 1000 (integers survive RESP), retry ms}.
 */
const TAKE_SCRIPT = `
local perMinute = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local msPerMinute = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens = tonumber(state[1])
local last = tonumber(state[2])
if tokens == nil or last == nil then
  tokens = perMinute
  last = now
end
local elapsed = math.max(0, now - last)
tokens = math.min(perMinute, tokens + elapsed * perMinute / msPerMinute)
local allowed = 0
local retry = 0
if tokens >= 1 then
  allowed = 1
  tokens = tokens - 1
else
  retry = math.ceil((1 - tokens) * msPerMinute / perMinute)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(math.max(now, last)))
redis.call('PEXPIRE', KEYS[1], math.ceil((perMinute - tokens) * msPerMinute / perMinute) + 1000)
return {allowed, math.floor(tokens * 1000), retry}
`;

/** Buckets every gateway replica shares, when `REDIS_URL` is set. The caller owns the client. */
export function createRedisRateLimitStore(options: RedisRateLimitOptions): RateLimitStore {
  const { redis, perMinute } = options;
  const keyPrefix = `${options.prefix}:ratelimit:v1:`;
  return {
    async take(key, nowMs) {
      const [allowed, milliTokens, retryAfterMs] = (await redis.eval(TAKE_SCRIPT, 1, keyPrefix + key, perMinute, Math.floor(nowMs), MS_PER_MINUTE)) as [number, number, number];
      return { allowed: allowed === 1, remaining: Math.floor(milliTokens / 1000), retryAfterMs };
    },
    async close() {
      // The client is shared with whoever created it; closing it is theirs to do.
    },
  };
}
