import { createLoader, type BatchResults } from './createLoader';

describe('createLoader', () => {
  it('returns results in key order whatever order the batch produced them in', async () => {
    const loader = createLoader<string, number>(async (keys) => new Map([...keys].reverse().map((k) => [k, k.length])));
    await expect(Promise.all([loader.load('a'), loader.load('bbb'), loader.load('cc')])).resolves.toEqual([1, 3, 2]);
  });

  it('gives null for keys the batch did not return, and for explicit nulls', async () => {
    const loader = createLoader<string, string>(async () => new Map<string, string | null>([['found', 'yes'], ['gone', null]]));
    await expect(loader.loadMany(['found', 'missing', 'gone'])).resolves.toEqual(['yes', null, null]);
  });

  it('fails only the keys the batch returned an Error for', async () => {
    const loader = createLoader<string, string>(async (keys) => {
      const results: BatchResults<string> = new Map();
      for (const key of keys) results.set(key, key === 'bad' ? new Error('no access to bad') : key.toUpperCase());
      return results;
    });
    const [good, bad] = await Promise.allSettled([loader.load('good'), loader.load('bad')]);
    expect(good).toEqual({ status: 'fulfilled', value: 'GOOD' });
    expect(bad).toMatchObject({ status: 'rejected', reason: { message: 'no access to bad' } });
  });

  it('rejects every key with the batch’s error when the batch function throws', async () => {
    const failure = new Error('PagerDuty down');
    const loader = createLoader<string, string>(async () => {
      throw failure;
    });
    const outcomes = await Promise.allSettled([loader.load('a'), loader.load('b')]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('makes one batch call for all loads in one tick, without duplicate keys', async () => {
    const batch = jest.fn(async (keys: readonly string[]) => new Map(keys.map((k) => [k, k])));
    const loader = createLoader<string, string>(batch);
    await Promise.all(['a', 'b', 'a', 'c'].map((k) => loader.load(k)));
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch).toHaveBeenCalledWith(['a', 'b', 'c']);
  });

  it('splits into chunks of maxBatchSize', async () => {
    const batch = jest.fn(async (keys: readonly number[]) => new Map(keys.map((k) => [String(k), k * 2])));
    const loader = createLoader<number, number>(batch, { maxBatchSize: 2 });
    await expect(loader.loadMany([1, 2, 3, 4, 5])).resolves.toEqual([2, 4, 6, 8, 10]);
    expect(batch.mock.calls.map(([keys]) => keys)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('supports object keys through keyOf, deduplicating equal keys', async () => {
    type RepoKey = { owner: string; name: string };
    const keyOf = (k: RepoKey) => `${k.owner}/${k.name}`;
    const batch = jest.fn(async (keys: readonly RepoKey[]) => new Map(keys.map((k) => [keyOf(k), { stars: k.name.length }])));
    const loader = createLoader(batch, { keyOf, name: 'repos' });
    const results = await Promise.all([
      loader.load({ owner: 'acme', name: 'payments' }),
      loader.load({ owner: 'acme', name: 'web' }),
      loader.load({ owner: 'acme', name: 'payments' }),
    ]);
    expect(results).toEqual([{ stars: 8 }, { stars: 3 }, { stars: 8 }]);
    expect(batch.mock.calls[0]![0]).toHaveLength(2);
  });

  it('fails every key with a clear error when the batch function returns something other than a Map', async () => {
    // Simulates a JavaScript caller (or a cast) breaking the contract the types describe.
    const loader = createLoader<string, string>(async () => [] as unknown as BatchResults<string>, { name: 'repos' });
    await expect(loader.load('a')).rejects.toThrow('repos: batch function must resolve to a Map');
  });
});
