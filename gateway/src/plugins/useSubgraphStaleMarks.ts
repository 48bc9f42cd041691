import type { ApolloServerPlugin } from '@apollo/server';
import { staleServesIn, useStaleExtension, type StaleServe } from '@devgraph/runtime';
import type { GatewayContext } from '../auth/Identity';

export interface SubgraphStaleMarks {
  /** For each subgraph response: keeps its `extensions.stale` entries for the request it answers. */
  collect(context: object | undefined, extensions: unknown): void;
  /** Writes the request's collected entries into the gateway's response as `extensions.stale`. */
  plugin: ApolloServerPlugin<GatewayContext>;
}

/**
 * Apollo Gateway drops subgraph response extensions (only data and errors are merged into the
 * client's answer), so a subgraph's "some of this is stale" would never reach the client. The
 * data sources hand each response's `extensions.stale` here, and the shared plugin merges them:
 * one entry per tool, the oldest `storedAt`. Kept per request context, never across requests.
 */
export function useSubgraphStaleMarks(): SubgraphStaleMarks {
  const byRequest = new WeakMap<object, StaleServe[]>();
  return {
    collect(context, extensions) {
      const serves = staleServesIn(extensions);
      if (!context || serves.length === 0) return;
      byRequest.set(context, [...(byRequest.get(context) ?? []), ...serves]);
    },
    plugin: useStaleExtension<GatewayContext>({ served: (context) => byRequest.get(context) ?? [] }),
  };
}
