import type { BatchResults } from '@devgraph/runtime';

/**
 * A batch function for keys the tool can only answer one at a time: each key loads on its own,
 * concurrently, and an error fails only its own key.
 */
export async function loadEach<K, V>(keys: readonly K[], keyOf: (key: K) => string, load: (key: K) => Promise<V | null>): Promise<BatchResults<V>> {
  const results: BatchResults<V> = new Map();
  await Promise.all(
    keys.map(async (key) => {
      try {
        results.set(keyOf(key), await load(key));
      } catch (error) {
        results.set(keyOf(key), error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  return results;
}
