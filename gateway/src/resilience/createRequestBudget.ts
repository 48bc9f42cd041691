import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export interface RequestBudgetOptions {
  /** REQUEST_TIMEOUT_MS: the time one client request may spend on subgraph fetches, all together. */
  requestTimeoutMs: number;
  /** Clock in milliseconds; tests inject one. @default performance.now */
  now?: () => number;
}

export interface RequestBudget {
  /** Starts each request's clock when Apollo Server receives it. */
  plugin: ApolloServerPlugin<BaseContext>;
  /** Milliseconds left for the request whose GraphQL context this is (the whole budget if unknown). */
  remainingMs(context: object | undefined): number;
}

/**
 * The overall budget of a request: a query plan with several sequential fetches (catalog, then
 * scm, then incidents) would otherwise take SUBGRAPH_TIMEOUT_MS once per step. Each fetch gets
 * the smaller of its own timeout and what is left of this. Deadlines are keyed by the request's
 * context object (the one the gateway hands each data source) and vanish with it.
 */
export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const now = options.now ?? (() => performance.now());
  const deadlines = new WeakMap<object, number>();
  return {
    plugin: {
      async requestDidStart({ contextValue }) {
        deadlines.set(contextValue, now() + options.requestTimeoutMs);
      },
    },
    remainingMs(context) {
      const deadline = context ? deadlines.get(context) : undefined;
      return deadline === undefined ? options.requestTimeoutMs : Math.max(0, Math.round(deadline - now()));
    },
  };
}
