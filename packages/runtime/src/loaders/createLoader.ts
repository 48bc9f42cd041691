import DataLoader from 'dataloader';

/**
 * What a batch function returns: results by `keyOf(key)`. A key left out means "no such thing"
 * (the loader gives null); an Error fails that key alone.
 */
export type BatchResults<V> = Map<string, V | Error | null>;

export type BatchFunction<K, V> = (keys: readonly K[]) => Promise<BatchResults<V>>;

export interface LoaderOptions<K> {
  /**
   * Turns a key into the string used for deduplication and for looking up the batch's results.
   * Pass one for object keys; the default JSON-encodes them, which depends on property order.
   */
  keyOf?: (key: K) => string;
  /** Most keys per batch call (upstream limits: PagerDuty lists take <= 100). Default unlimited. */
  maxBatchSize?: number;
  /** Shown by APM tools and in the error when the batch function misbehaves. */
  name?: string;
}

const defaultKeyOf = (key: unknown): string => (typeof key === 'string' ? key : JSON.stringify(key));

/**
 * A DataLoader for one request: build it in the context factory, never share it between requests
 * (its memo is the request's view of the data, not a cache). It turns the map a batch function
 * naturally produces into what DataLoader requires, one result per key in key order, so each data
 * source's batch function only has to say what it found.
 */
export function createLoader<K, V>(batch: BatchFunction<K, V>, options: LoaderOptions<K> = {}): DataLoader<K, V | null, string> {
  const keyOf = options.keyOf ?? defaultKeyOf;
  const name = options.name ?? 'loader';
  return new DataLoader<K, V | null, string>(
    async (keys) => {
      // A throw here rejects every key of the batch with the same error (DataLoader's behaviour).
      const results = await batch(keys);
      if (!(results instanceof Map)) throw new TypeError(`${name}: batch function must resolve to a Map keyed by keyOf(key)`);
      return keys.map((key) => results.get(keyOf(key)) ?? null);
    },
    { cacheKeyFn: keyOf, maxBatchSize: options.maxBatchSize, name },
  );
}
