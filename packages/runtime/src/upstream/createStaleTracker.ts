import { AsyncLocalStorage } from 'node:async_hooks';

/** One tool's stale data in one response: `extensions.stale` lists one per tool. */
export interface StaleServe {
  upstream: string;
  /** When the oldest stale value served was fetched from the tool (ISO-8601). */
  storedAt: string;
}

export interface StaleTracker {
  /** Runs one request's work so the stale serves within it are noted for that request. */
  track<T>(work: () => T): T;
  /** Notes a stale value (fetched at `storedAt`, epoch ms) served to the request running now; outside a request, nothing. */
  note(storedAt: number): void;
  /** The request's stale serve for this tool (the oldest), or undefined when all it got was fresh. */
  served(): StaleServe | undefined;
}

/**
 * Per-request record of one tool's stale serves, so a response can say it holds old data
 * (`extensions.stale`) whichever field read it. The request is found through async context: the
 * reads happen deep in data sources and cache helpers that know nothing of GraphQL requests.
 * One tracker per Upstream, created with it (no module-level state).
 */
export function createStaleTracker(upstream: string): StaleTracker {
  const requests = new AsyncLocalStorage<{ oldest?: number }>();
  return {
    track: (work) => requests.run({}, work),
    note(storedAt) {
      const request = requests.getStore();
      if (request && (request.oldest === undefined || storedAt < request.oldest)) request.oldest = storedAt;
    },
    served() {
      const oldest = requests.getStore()?.oldest;
      return oldest === undefined ? undefined : { upstream, storedAt: new Date(oldest).toISOString() };
    },
  };
}
