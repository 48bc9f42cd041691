import { cached, cacheKey, type CachePolicy } from './cached';
import { createMemoryCache } from './createMemoryCache';

const policy: CachePolicy = { namespace: 'github', version: 2, ttlSeconds: 60, staleSeconds: 600 };

function setup() {
  let t = 5_000_000;
  const now = () => t;
  const advance = (ms: number) => void (t += ms);
  const cache = createMemoryCache({ maxEntries: 100, now });
  return { cache, now, advance };
}

describe('cached', () => {
  it('builds namespaced, versioned keys', () => {
    expect(cacheKey(policy, 'repo:acme/payments')).toBe('github:2:repo:acme/payments');
  });

  it('loads and stores on a miss, then serves the fresh value without loading', async () => {
    const { cache, now } = setup();
    const load = jest.fn(async () => ({ stars: 3 }));
    expect(await cached(cache, policy, 'r', load, { now })).toEqual({
      value: { stars: 3 }, stale: false, storedAt: now(), source: 'load',
    });
    expect(await cached(cache, policy, 'r', load, { now })).toEqual({
      value: { stars: 3 }, stale: false, storedAt: now(), source: 'cache',
    });
    expect(load).toHaveBeenCalledTimes(1);
    expect((await cache.get('github:2:r'))?.value).toEqual({ stars: 3 });
  });

  it('does not read values written under another version', async () => {
    const { cache, now } = setup();
    await cached(cache, policy, 'r', async () => 'old shape', { now });
    const result = await cached(cache, { ...policy, version: 3 }, 'r', async () => 'new shape', { now });
    expect(result.value).toBe('new shape');
  });

  it('reloads a stale value and stores the new one when the reload works', async () => {
    const { cache, now, advance } = setup();
    await cached(cache, policy, 'r', async () => 'v1', { now });
    advance(61_000);
    const result = await cached(cache, policy, 'r', async () => 'v2', { now });
    expect(result).toEqual({ value: 'v2', stale: false, storedAt: now(), source: 'load' });
    expect((await cache.get('github:2:r'))?.value).toBe('v2');
  });

  it('serves the stale value, marked stale, when the reload fails', async () => {
    const { cache, now, advance } = setup();
    await cached(cache, policy, 'r', async () => 'v1', { now });
    const firstStoredAt = now();
    advance(120_000);
    const failure = new Error('upstream down');
    const result = await cached(cache, policy, 'r', async () => { throw failure; }, { now });
    expect(result).toEqual({ value: 'v1', stale: true, storedAt: firstStoredAt, source: 'cache', error: failure });
  });

  it('rethrows the load failure when nothing is cached, and caches nothing', async () => {
    const { cache, now } = setup();
    await expect(cached(cache, policy, 'r', async () => { throw new Error('boom'); }, { now })).rejects.toThrow('boom');
    expect(await cache.get('github:2:r')).toBeUndefined();
  });

  it('rethrows once the stale window has passed too', async () => {
    const { cache, now, advance } = setup();
    await cached(cache, policy, 'r', async () => 'v1', { now });
    advance((60 + 600) * 1000);
    await expect(cached(cache, policy, 'r', async () => { throw new Error('boom'); }, { now })).rejects.toThrow('boom');
  });

  it('shares one load between concurrent misses for the same key', async () => {
    const { cache, now } = setup();
    let release!: (value: string) => void;
    const load = jest.fn(() => new Promise<string>((resolve) => { release = resolve; }));
    const calls = [1, 2, 3].map(() => cached(cache, policy, 'r', load, { now }));
    await new Promise((resolve) => setImmediate(resolve));
    release('shared');
    const results = await Promise.all(calls);
    expect(load).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r.value)).toEqual(['shared', 'shared', 'shared']);
  });

  it('shares a failed load too, and tries again on the next call', async () => {
    const { cache, now } = setup();
    const load = jest.fn(async () => { throw new Error('boom'); });
    const outcomes = await Promise.allSettled([cached(cache, policy, 'r', load, { now }), cached(cache, policy, 'r', load, { now })]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(load).toHaveBeenCalledTimes(1);
    await expect(cached(cache, policy, 'r', load, { now })).rejects.toThrow('boom');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads separately for different keys', async () => {
    const { cache, now } = setup();
    const load = jest.fn(async () => 'v');
    await Promise.all([cached(cache, policy, 'a', load, { now }), cached(cache, policy, 'b', load, { now })]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
