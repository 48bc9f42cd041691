import { createMemoryCache } from './createMemoryCache';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createMemoryCache', () => {
  it('returns what was stored with storedAt and freshUntil from its clock', async () => {
    const time = clock();
    const cache = createMemoryCache({ maxEntries: 10, now: time.now });
    await cache.set('k', { a: 1 }, { ttlSeconds: 60 });
    expect(await cache.get('k')).toEqual({ value: { a: 1 }, storedAt: 1_000_000, freshUntil: 1_060_000 });
  });

  it('misses for a key never stored', async () => {
    const cache = createMemoryCache({ maxEntries: 10 });
    expect(await cache.get('nope')).toBeUndefined();
  });

  it('keeps an entry past freshness until the stale window ends, then drops it', async () => {
    const time = clock();
    const cache = createMemoryCache({ maxEntries: 10, now: time.now });
    await cache.set('k', 'v', { ttlSeconds: 10, staleSeconds: 20 });
    time.advance(15_000);
    const stale = await cache.get('k');
    expect(stale?.value).toBe('v');
    expect(stale!.freshUntil).toBeLessThan(time.now());
    time.advance(15_000);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('drops an entry at its TTL when there is no stale window', async () => {
    const time = clock();
    const cache = createMemoryCache({ maxEntries: 10, now: time.now });
    await cache.set('k', 'v', { ttlSeconds: 1 });
    time.advance(999);
    expect(await cache.get('k')).toBeDefined();
    time.advance(1);
    expect(await cache.get('k')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', 1, { ttlSeconds: 60 });
    await cache.set('b', 2, { ttlSeconds: 60 });
    await cache.get('a');
    await cache.set('c', 3, { ttlSeconds: 60 });
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.get('a'))?.value).toBe(1);
    expect((await cache.get('c'))?.value).toBe(3);
  });

  it('hands out copies, so a caller mutating a value does not change the cache', async () => {
    const cache = createMemoryCache({ maxEntries: 10 });
    const original = { list: [1] };
    await cache.set('k', original, { ttlSeconds: 60 });
    original.list.push(2);
    const first = await cache.get<{ list: number[] }>('k');
    first!.value.list.push(3);
    expect((await cache.get('k'))?.value).toEqual({ list: [1] });
  });

  it('applies JSON semantics like Redis does', async () => {
    const cache = createMemoryCache({ maxEntries: 10 });
    await cache.set('k', { at: new Date(0), gone: undefined }, { ttlSeconds: 60 });
    expect((await cache.get('k'))?.value).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });

  it('throws for values JSON cannot represent, instead of failing later in Redis', async () => {
    const cache = createMemoryCache({ maxEntries: 10 });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(cache.set('k', cyclic, { ttlSeconds: 60 })).rejects.toThrow(TypeError);
    await expect(cache.set('k', 1n, { ttlSeconds: 60 })).rejects.toThrow(TypeError);
  });

  it('deletes, and stores nothing for a zero retention', async () => {
    const cache = createMemoryCache({ maxEntries: 10 });
    await cache.set('k', 'v', { ttlSeconds: 60 });
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    await cache.set('z', 'v', { ttlSeconds: 0 });
    expect(await cache.get('z')).toBeUndefined();
  });
});
