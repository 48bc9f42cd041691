import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { StaleServe } from '../upstream/createStaleTracker';

export interface StaleExtensionOptions<TContext> {
  /**
   * The stale serves of the request being answered. Subgraphs: each tool's `upstream.stale.served()`
   * (async context); the gateway: what the subgraphs' responses carried (by context).
   */
  served: (context: TContext) => readonly StaleServe[];
}

/**
 * The response-level stale mark: `extensions.stale = [{ upstream, storedAt }]`, one entry per tool
 * that served cached data past its freshness (the oldest `storedAt`), absent when everything was
 * fresh. Fields carry their own mark (`stale`, `fetchedAt`) where the schema has room; this one
 * covers every field, so a client can tell old data from fresh without selecting the marks.
 */
export function useStaleExtension<TContext extends BaseContext>(options: StaleExtensionOptions<TContext>): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const stale = mergeStaleServes(options.served(contextValue));
          if (stale.length === 0) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, stale };
        },
      };
    },
  };
}

/** One entry per tool, the oldest `storedAt` wins; sorted by tool for a stable answer. */
export function mergeStaleServes(serves: readonly StaleServe[]): StaleServe[] {
  const oldest = new Map<string, string>();
  for (const { upstream, storedAt } of serves) {
    const seen = oldest.get(upstream);
    if (seen === undefined || Date.parse(storedAt) < Date.parse(seen)) oldest.set(upstream, storedAt);
  }
  return [...oldest].sort(([a], [b]) => a.localeCompare(b)).map(([upstream, storedAt]) => ({ upstream, storedAt }));
}

/** The `extensions.stale` entries of a subgraph response, ignoring anything malformed. */
export function staleServesIn(extensions: unknown): StaleServe[] {
  const list = (extensions as { stale?: unknown } | null | undefined)?.stale;
  if (!Array.isArray(list)) return [];
  return list.filter((s): s is StaleServe => typeof s?.upstream === 'string' && typeof s?.storedAt === 'string' && !Number.isNaN(Date.parse(s.storedAt)));
}
