import { cached, createMemoryCache, type Cache, type CachePolicy } from '@devgraph/runtime';
import { cachedTogether } from './cachedTogether';

const POLICY: CachePolicy = { namespace: 'test', version: 1, ttlSeconds: 60, staleSeconds: 600 };

/** A memory cache whose reads wait until the test lets them through, in the order it chooses. */
function gatedCache(clock: { now: number }) {
  const inner = createMemoryCache({ maxEntries: 100, now: () => clock.now });
  const gates = new Map<string, () => void>();
  const cache: Cache = {
    ...inner,
    async get<T>(key: string) {
      await new Promise<void>((open) => gates.set(key, open));
      return inner.get<T>(key);
    },
  };
  const open = async (key: string) => {
    // The read registers its gate once the single-flight work starts: wait for it by polling the microtask queue, not time.
    while (!gates.has(`test:1:${key}`)) await Promise.resolve();
    gates.get(`test:1:${key}`)!();
    gates.delete(`test:1:${key}`);
  };
  return { cache, inner, open };
}

function setup() {
  const clock = { now: 1_000_000 };
  const gated = gatedCache(clock);
  const calls: string[][] = [];
  let answer: (keys: string[]) => Map<string, string | Error> = (keys) => new Map(keys.map((k) => [k, `fresh ${k}`]));
  const run = (keys: string[]) =>
    cachedTogether<string, string>(keys, {
      keyOf: (k) => k,
      read: (key, load) => cached(gated.cache, POLICY, key, load, { now: () => clock.now }),
      loadMany: async (missing) => {
        calls.push(missing);
        return answer(missing);
      },
    });
  return { clock, ...gated, calls, run, answerWith: (fn: typeof answer) => (answer = fn) };
}

const valuesOf = (results: Map<string, { value: string; stale: boolean } | Error>) =>
  Object.fromEntries([...results].map(([k, r]) => [k, r instanceof Error ? `error: ${r.message}` : `${r.value}${r.stale ? ' (stale)' : ''}`]));

describe('cachedTogether', () => {
  it('fetches every key the cache lacks in ONE call, whatever order the cache answers in', async () => {
    const s = setup();
    await s.inner.set('test:1:b', 'cached b', { ttlSeconds: 60 });
    const pending = s.run(['a', 'b', 'c', 'a']);
    for (const key of ['c', 'b', 'a']) await s.open(key);
    expect(valuesOf(await pending)).toEqual({ a: 'fresh a', b: 'cached b', c: 'fresh c' });
    expect(s.calls).toEqual([['c', 'a']]);
  });

  it('makes no call when every key is fresh in the cache', async () => {
    const s = setup();
    for (const key of ['a', 'b']) await s.inner.set(`test:1:${key}`, `cached ${key}`, { ttlSeconds: 60 });
    const pending = s.run(['a', 'b']);
    for (const key of ['a', 'b']) await s.open(key);
    expect(valuesOf(await pending)).toEqual({ a: 'cached a', b: 'cached b' });
    expect(s.calls).toEqual([]);
  });

  it('fails a key alone, and serves a stale entry when its reload fails', async () => {
    const s = setup();
    await s.inner.set('test:1:old', 'old value', { ttlSeconds: 60, staleSeconds: 600 });
    s.clock.now += 120_000; // past freshness, inside the stale window
    s.answerWith((keys) => new Map(keys.map((k) => [k, k === 'ok' ? 'fresh ok' : new Error(`${k} failed`)])));
    const pending = s.run(['ok', 'old', 'broken', 'missing']);
    for (const key of ['ok', 'old', 'broken', 'missing']) await s.open(key);
    expect(valuesOf(await pending)).toEqual({ ok: 'fresh ok', old: 'old value (stale)', broken: 'error: broken failed', missing: 'error: missing failed' });
    expect(s.calls).toEqual([['ok', 'old', 'broken', 'missing']]);
  });

  it('fails every waiting key when the one call throws', async () => {
    const s = setup();
    s.answerWith(() => {
      throw new Error('tool down');
    });
    const pending = s.run(['a', 'b']);
    for (const key of ['a', 'b']) await s.open(key);
    expect(valuesOf(await pending)).toEqual({ a: 'error: tool down', b: 'error: tool down' });
  });

  it('does not deadlock when two batches share keys in opposite orders (single-flight joins the earlier one)', async () => {
    const s = setup();
    const first = s.run(['a', 'b']);
    const second = s.run(['b', 'a', 'c']);
    // Only the first batch's reads and the second's own key reach the cache; the shared keys join the first's flight.
    for (const key of ['b', 'c', 'a']) await s.open(key);
    expect(valuesOf(await first)).toEqual({ a: 'fresh a', b: 'fresh b' });
    expect(valuesOf(await second)).toEqual({ a: 'fresh a', b: 'fresh b', c: 'fresh c' });
    expect(s.calls.map((keys) => [...keys].sort())).toEqual(expect.arrayContaining([['a', 'b'], ['c']]));
    expect(s.calls).toHaveLength(2);
  });
});
