import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { cached } from './cached';
import type { Cache } from './Cache';
import { createRedisCache } from './createRedisCache';
import { describeWithRedis, TEST_REDIS_URL } from '../../../../test/support/redis';

const redisUrl = TEST_REDIS_URL;
const describeRedis = describeWithRedis('createRedisCache tests');

describeRedis('createRedisCache against a real Redis', () => {
  let prefix: string;
  const opened: Cache[] = [];
  let admin: Redis;

  const open = (options: { onError?: (error: unknown) => void } = {}) => {
    // A command the busy test machine is slow to finish must not turn into a miss: longer than
    // jest's test timeout, so only a Redis that really is gone (tested below) gives misses.
    const cache = createRedisCache({ url: redisUrl, keyPrefix: prefix, commandTimeoutMs: 60_000, ...options });
    opened.push(cache);
    return cache;
  };

  beforeAll(() => {
    admin = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  });

  beforeEach(() => {
    prefix = `devgraph-test:${randomUUID()}:`;
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((cache) => cache.close()));
    // Delete only this test's keys; never FLUSHDB a Redis others may be using.
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
  });

  afterAll(async () => {
    await admin.quit();
  });

  it('stores JSON under the prefixed key with a Redis TTL of fresh + stale time', async () => {
    const cache = open();
    await cache.set('repo:acme/payments', { stars: 3 }, { ttlSeconds: 60, staleSeconds: 240 });
    const raw = await admin.get(`${prefix}repo:acme/payments`);
    expect(JSON.parse(raw!)).toMatchObject({ value: { stars: 3 } });
    const ttl = await admin.pttl(`${prefix}repo:acme/payments`);
    expect(ttl).toBeGreaterThan(290_000);
    expect(ttl).toBeLessThanOrEqual(300_000);
    const entry = await cache.get('repo:acme/payments');
    expect(entry?.value).toEqual({ stars: 3 });
    expect(entry!.freshUntil - entry!.storedAt).toBe(60_000);
  });

  it('lets two instances sharing one Redis see each other’s writes and deletes', async () => {
    const replicaA = open();
    const replicaB = open();
    await replicaA.set('k', 'from A', { ttlSeconds: 60 });
    expect((await replicaB.get('k'))?.value).toBe('from A');
    await replicaB.delete('k');
    expect(await replicaA.get('k')).toBeUndefined();
  });

  it('keeps different prefixes apart', async () => {
    const ours = open();
    await ours.set('k', 'ours', { ttlSeconds: 60 });
    const otherPrefix = `${prefix}other:`;
    const theirs = createRedisCache({ url: redisUrl, keyPrefix: otherPrefix });
    opened.push(theirs);
    expect(await theirs.get('k')).toBeUndefined();
  });

  it('expires entries when the Redis TTL runs out', async () => {
    const cache = open();
    await cache.set('short', 'v', { ttlSeconds: 0.05, staleSeconds: 0.05 });
    // Redis holds it for fresh + stale time (100 ms), then drops it on its own: wait for that,
    // however long the busy machine takes, and check the cache agrees.
    expect(await admin.pttl(`${prefix}short`)).toBeLessThanOrEqual(100);
    while ((await admin.exists(`${prefix}short`)) === 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await cache.get('short')).toBeUndefined();
  });

  it('serves a stale value from Redis when the reload fails (stale-if-error)', async () => {
    const cache = open();
    let t = Date.now();
    const now = () => t;
    const policy = { namespace: 'github', version: 1, ttlSeconds: 60, staleSeconds: 600 };
    await cached(cache, policy, 'r', async () => 'v1', { now });
    t += 120_000;
    const result = await cached(cache, policy, 'r', async () => { throw new Error('GitHub down'); }, { now });
    expect(result).toMatchObject({ value: 'v1', stale: true, source: 'cache' });
  });

  it('treats a value under our key that is not an entry as a miss and reports it', async () => {
    const onError = jest.fn();
    const cache = open({ onError });
    await admin.set(`${prefix}junk`, 'not json', 'PX', 60_000);
    expect(await cache.get('junk')).toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('turns a dead Redis into quick misses, reports it once, and never throws', async () => {
    const onError = jest.fn();
    const dead = createRedisCache({ url: 'redis://127.0.0.1:1', keyPrefix: prefix, onError });
    opened.push(dead);
    expect(await dead.get('k')).toBeUndefined();
    // Once the outage is known, calls answer at once without queueing a command for a
    // reconnect: none reaches the client (rather than timing them, which a busy machine skews).
    const sent = [jest.spyOn(Redis.prototype, 'get'), jest.spyOn(Redis.prototype, 'set'), jest.spyOn(Redis.prototype, 'del')];
    try {
      await expect(dead.set('k', 'v', { ttlSeconds: 60 })).resolves.toBeUndefined();
      await expect(dead.delete('k')).resolves.toBeUndefined();
      expect(await dead.get('k')).toBeUndefined();
      for (const spy of sent) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of sent) spy.mockRestore();
    }
    expect(onError).toHaveBeenCalledTimes(1);
    const load = jest.fn(async () => 'from upstream');
    const policy = { namespace: 'x', version: 1, ttlSeconds: 60, staleSeconds: 0 };
    await expect(cached(dead, policy, 'k', load)).resolves.toMatchObject({ value: 'from upstream', source: 'load' });
  });

  it('still throws for values that are not JSON-serialisable', async () => {
    const cache = open();
    await expect(cache.set('k', 1n, { ttlSeconds: 60 })).rejects.toThrow(TypeError);
  });
});
