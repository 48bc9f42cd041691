import { cachedBatch } from './cachedBatch';
import type { CachePolicy } from './cached';
import { createMemoryCache } from './createMemoryCache';

const policy: CachePolicy = { namespace: 'github', version: 1, ttlSeconds: 60, staleSeconds: 600 };

function setup() {
  let t = 1_000_000;
  const cache = createMemoryCache({ maxEntries: 100, now: () => t });
  return { cache, now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('cachedBatch', () => {
  it('loads all misses in one call and serves fresh hits from the cache', async () => {
    const { cache, now } = setup();
    const load = jest.fn(async (keys: string[]) => new Map(keys.map((k) => [k, `v:${k}`])));
    const first = await cachedBatch(cache, [{ key: 'a', policy }, { key: 'b', policy }], load, { now });
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(['a', 'b']);
    expect(first.get('a')).toMatchObject({ value: 'v:a', source: 'load', stale: false });
    const second = await cachedBatch(cache, [{ key: 'a', policy }, { key: 'c', policy }], load, { now });
    expect(load).toHaveBeenLastCalledWith(['c']);
    expect(second.get('a')).toMatchObject({ value: 'v:a', source: 'cache' });
  });

  it('does not call the loader when everything is fresh', async () => {
    const { cache, now } = setup();
    await cachedBatch(cache, [{ key: 'a', policy }], async (keys) => new Map(keys.map((k) => [k, 1])), { now });
    const load = jest.fn();
    await cachedBatch(cache, [{ key: 'a', policy }], load, { now });
    expect(load).not.toHaveBeenCalled();
  });

  it('falls back to stale entries per key when the reload fails, and returns errors for the rest', async () => {
    const { cache, now, advance } = setup();
    await cachedBatch(cache, [{ key: 'a', policy }], async () => new Map([['a', 'old']]), { now });
    advance(120_000);
    const boom = new Error('GitHub down');
    const result = await cachedBatch(cache, [{ key: 'a', policy }, { key: 'b', policy }], async () => { throw boom; }, { now });
    expect(result.get('a')).toMatchObject({ value: 'old', stale: true, source: 'cache', error: boom });
    expect(result.get('b')).toBe(boom);
  });

  it('keeps per-key errors apart and treats a key left out as an error', async () => {
    const { cache, now } = setup();
    const gone = new Error('not found');
    const result = await cachedBatch(cache, [{ key: 'a', policy }, { key: 'b', policy }, { key: 'c', policy }],
      async () => new Map<string, string | Error>([['a', 'ok'], ['b', gone]]), { now });
    expect(result.get('a')).toMatchObject({ value: 'ok' });
    expect(result.get('b')).toBe(gone);
    expect(result.get('c')).toBeInstanceOf(Error);
  });
});
