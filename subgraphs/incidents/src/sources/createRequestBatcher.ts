import DataLoader from 'dataloader';

export interface RequestBatcherOptions<K> {
  /** How long to collect keys before calling `batch`. */
  windowMs: number;
  keyOf: (key: K) => string;
  name: string;
}

/**
 * Batching across subgraph requests. The gateway sends one `_entities` request per path of an
 * operation (two aliased `entity(ref:)` fields are two requests, arriving within a millisecond or
 * two), so per-request DataLoaders alone would make one upstream call per alias. This loader
 * lives as long as the data source, memoises nothing (`cache: false`: freshness is the shared
 * cache's job) and waits `windowMs` before dispatching, so concurrent requests share one call.
 */
export function createRequestBatcher<K, V>(
  batch: (keys: readonly K[]) => Promise<Map<string, V | Error>>,
  options: RequestBatcherOptions<K>,
): (key: K) => Promise<V> {
  const loader = new DataLoader<K, V, string>(
    async (keys) => {
      const results = await batch(keys);
      return keys.map((key) => results.get(options.keyOf(key)) ?? new Error(`${options.name}: no result for ${options.keyOf(key)}`));
    },
    { cache: false, name: options.name, batchScheduleFn: (dispatch) => setTimeout(dispatch, options.windowMs) },
  );
  return (key) => loader.load(key);
}
