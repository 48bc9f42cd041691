import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { describeWithRedis, TEST_REDIS_URL } from '../../../../test/support/redis';
import { createMemoryRateLimitStore } from './createMemoryRateLimitStore';
import { createRedisRateLimitStore } from './createRedisRateLimitStore';
import type { RateLimitStore } from './RateLimitStore';

/** The behaviour both stores must have; time is whatever the test passes in. */
function behavesLikeATokenBucket(makeStore: (perMinute: number) => RateLimitStore) {
  it('lets a full minute\'s allowance through at once, then refuses with the wait for one token', async () => {
    const store = makeStore(3);
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 3; i++) expect((await store.take('a', t0)).allowed).toBe(true);
    const refused = await store.take('a', t0);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 20_000 });
    expect((await store.take('a', t0 + 10_000)).retryAfterMs).toBe(10_000);
  });

  it('refills continuously, never beyond the bucket', async () => {
    const store = makeStore(60);
    const t0 = 1_700_000_000_000;
    for (let i = 0; i < 60; i++) await store.take('b', t0);
    expect((await store.take('b', t0)).allowed).toBe(false);
    expect((await store.take('b', t0 + 1_000)).allowed).toBe(true);
    expect((await store.take('b', t0 + 1_000)).allowed).toBe(false);
    // An hour of quiet refills to 60, not 3,600.
    expect((await store.take('b', t0 + 3_600_000)).remaining).toBe(59);
  });

  it('keeps callers apart', async () => {
    const store = makeStore(1);
    expect((await store.take('c', 0)).allowed).toBe(true);
    expect((await store.take('c', 0)).allowed).toBe(false);
    expect((await store.take('d', 0)).allowed).toBe(true);
  });
}

describe('memory rate limit store', () => {
  behavesLikeATokenBucket((perMinute) => createMemoryRateLimitStore({ perMinute }));

  it('forgets the least recently used bucket past maxKeys', async () => {
    const store = createMemoryRateLimitStore({ perMinute: 1, maxKeys: 2 });
    await store.take('x', 0);
    await store.take('y', 0);
    await store.take('z', 0);
    expect((await store.take('x', 0)).allowed).toBe(true);
    expect((await store.take('z', 0)).allowed).toBe(false);
  });
});

describeWithRedis('Redis rate limit store')('Redis rate limit store', () => {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const prefix = `devgraph-test-${randomUUID()}`;
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  behavesLikeATokenBucket((perMinute) => createRedisRateLimitStore({ redis, perMinute, prefix: `${prefix}:${randomUUID()}` }));

  it('shares one bucket between replicas, atomically', async () => {
    const shared = `${prefix}:shared`;
    const other = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      const a = createRedisRateLimitStore({ redis, perMinute: 10, prefix: shared });
      const b = createRedisRateLimitStore({ redis: other, perMinute: 10, prefix: shared });
      const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take('caller', 5_000)));
      expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    } finally {
      other.disconnect();
    }
  });

  it('lets its keys expire once the bucket would be full again', async () => {
    const keyPrefix = `${prefix}:ttl`;
    await createRedisRateLimitStore({ redis, perMinute: 6, prefix: keyPrefix }).take('e', 0);
    const ttl = await redis.pttl(`${keyPrefix}:ratelimit:v1:e`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000 + 1_000);
  });
});
