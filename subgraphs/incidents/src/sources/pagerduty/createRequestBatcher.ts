import DataLoader from 'dataloader';

/**
 * When an open batch is sent. `open` is called with a batch's first key and closes the batch by
 * calling `send`; `added` hears every key (the first included). Production waits a fixed window
 * (`fixedBatchWindow`); a test can hold batches until the keys it expects are in, so whether two
 * subgraph requests share a call never depends on how busy the machine is.
 */
export interface BatchWindow {
  open(send: () => void): void;
  added?(batcher: string, key: string): void;
}

/** Collect keys for `ms` after the first one, then send. */
export function fixedBatchWindow(ms: number): BatchWindow {
  return { open: (send) => void setTimeout(send, ms) };
}

export interface RequestBatcherOptions<K> {
  /** When a batch is sent; see `BatchWindow`. */
  window: BatchWindow;
  keyOf: (key: K) => string;
  name: string;
}

/**
 * Batching across subgraph requests. The gateway sends one `_entities` request per path of an
 * operation (two aliased `entity(ref:)` fields are two requests, arriving within a millisecond or
 * two), so per-request DataLoaders alone would make one upstream call per alias. This loader
 * lives as long as the data source, memoises nothing (`cache: false`: freshness is the shared
 * cache's job) and leaves the batch open until its window closes, so concurrent requests share
 * one call.
 */
export function createRequestBatcher<K, V>(
  batch: (keys: readonly K[]) => Promise<Map<string, V | Error>>,
  options: RequestBatcherOptions<K>,
): (key: K) => Promise<V> {
  const { window, keyOf, name } = options;
  const loader = new DataLoader<K, V, string>(
    async (keys) => {
      const results = await batch(keys);
      return keys.map((key) => results.get(keyOf(key)) ?? new Error(`${name}: no result for ${keyOf(key)}`));
    },
    { cache: false, name, batchScheduleFn: (dispatch) => window.open(dispatch) },
  );
  return (key) => {
    const loaded = loader.load(key);
    // After `load`, so the key is in the batch when a test that waits for it lets the batch go.
    window.added?.(name, keyOf(key));
    return loaded;
  };
}
