import type { CachedResult } from '@devgraph/runtime';

export interface CachedTogetherOptions<K, V> {
  keyOf(key: K): string;
  /** One key's read-through (`upstream.cached`), given the load to call on a miss or a stale hit. */
  read(key: K, load: () => Promise<V>): Promise<CachedResult<V>>;
  /** Fetches every key whose read needed the upstream, in one go; a key left out fails alone. */
  loadMany(keys: K[]): Promise<Map<string, V | Error>>;
}

interface Waiting<K, V> {
  key: K;
  resolve(value: V): void;
  reject(error: unknown): void;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * Per-key read-through with ONE upstream fetch for the batch. Each key is read on its own, so a
 * stale serve is counted and logged like any other `upstream.cached` read; the loads the reads ask
 * for are held until every key has either asked for one or answered from the cache, then fetched
 * together. That is decided by counting, not by timers or ticks, so it holds however slowly the
 * cache (Redis) answers. It cannot deadlock across requests: a read that joins another batch's
 * in-flight load (single-flight) waits on a batch that started earlier, never on a later one.
 * Never rejects: a key that fails, with nothing stale to fall back on, is its own Error.
 */
export async function cachedTogether<K, V>(keys: readonly K[], options: CachedTogetherOptions<K, V>): Promise<Map<string, CachedResult<V> | Error>> {
  const unique = [...new Map(keys.map((key) => [options.keyOf(key), key])).values()];
  const waiting: Waiting<K, V>[] = [];
  let answered = 0;
  let sent = false;

  const sendWhenAllHaveSpoken = () => {
    if (sent || waiting.length + answered < unique.length) return;
    sent = true;
    if (waiting.length === 0) return;
    const batch = [...waiting];
    Promise.resolve()
      .then(() => options.loadMany(batch.map((w) => w.key)))
      .then(
        (loaded) => {
          for (const w of batch) {
            const id = options.keyOf(w.key);
            const value = loaded.has(id) ? (loaded.get(id) as V | Error) : new Error(`no result for "${id}"`);
            if (value instanceof Error) w.reject(value);
            else w.resolve(value);
          }
        },
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      );
  };

  const results = await Promise.all(
    unique.map(async (key) => {
      let asked = false;
      const load = () =>
        new Promise<V>((resolve, reject) => {
          asked = true;
          waiting.push({ key, resolve, reject });
          sendWhenAllHaveSpoken();
        });
      try {
        return await options.read(key, load);
      } catch (error) {
        return asError(error);
      } finally {
        // A read that asked for a load only settles after the batch was sent; one that did not has answered.
        if (!asked) {
          answered++;
          sendWhenAllHaveSpoken();
        }
      }
    }),
  );
  return new Map(unique.map((key, i) => [options.keyOf(key), results[i]!]));
}
