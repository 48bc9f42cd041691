import type { BatchWindow } from '../src/sources/pagerduty/createRequestBatcher';

/**
 * A `BatchWindow` the test drives instead of a timer. Open (the default), a batch is sent on the
 * next turn of the event loop: what one subgraph request asks at once is still one call, and no
 * test waits out a window. Held, every batch waits for `release()`, and `keysIn` says when the
 * questions a test expects are all in, so "the gateway's separate subgraph requests share one
 * PagerDuty call" is checked without racing a timer on a busy machine.
 */
export interface BatchGate extends BatchWindow {
  /** Keep every batch opened from now on open until `release()`. */
  hold(): void;
  /** Resolves once `count` distinct keys of the batcher `name` wait in held batches. */
  keysIn(name: string, count: number): Promise<void>;
  /** Send the held batches and go back to sending on the next turn of the event loop. */
  release(): void;
}

export function createBatchGate(): BatchGate {
  let held: (() => void)[] | undefined;
  const keys = new Map<string, Set<string>>();
  let waiters: { name: string; count: number; resolve: () => void }[] = [];
  const settle = () => {
    const ready = waiters.filter((w) => (keys.get(w.name)?.size ?? 0) >= w.count);
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  };
  return {
    open(send) {
      if (held) held.push(send);
      else setImmediate(send);
    },
    added(name, key) {
      if (!held) return;
      keys.set(name, (keys.get(name) ?? new Set()).add(key));
      settle();
    },
    hold() {
      held ??= [];
    },
    keysIn(name, count) {
      return new Promise((resolve) => {
        waiters.push({ name, count, resolve });
        settle();
      });
    },
    release() {
      const sends = held ?? [];
      held = undefined;
      keys.clear();
      for (const send of sends) send();
    },
  };
}
