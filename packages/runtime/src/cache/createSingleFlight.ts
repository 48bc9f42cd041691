/** Shares one in-flight promise between concurrent callers asking for the same key. */
export interface SingleFlight {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createSingleFlight(): SingleFlight {
  const inflight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const existing = inflight.get(key);
      // The map only ever holds the promise `work` returned for this key, so the cast is sound.
      if (existing) return existing as Promise<T>;
      // Async wrapper so a `work` that throws synchronously still clears its slot.
      const promise = (async () => work())().finally(() => inflight.delete(key));
      inflight.set(key, promise);
      return promise;
    },
  };
}
