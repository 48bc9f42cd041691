import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from '../createMetrics';

export interface OperationMetricsOptions {
  /**
   * Operation names that may become a label value (the gateway: its trusted documents and demo
   * operations). Any other name is counted as `other`, an unnamed operation as `anonymous`.
   * The client chooses `operationName`: taken as given, 20,000 names made 20,000 series and
   * hundreds of MB of memory, so labels come only from this bounded set. @default none
   */
  knownOperations?: ReadonlySet<string>;
}

/** The label for an operation name: a known name, else `other`; `anonymous` when unnamed. */
export function operationLabel(name: string | null | undefined, known: ReadonlySet<string> | undefined): string {
  if (!name) return 'anonymous';
  return known?.has(name) ? name : 'other';
}

/** Counts operations and errors by code, so a dashboard can see failure rates per kind. */
export function useOperationMetrics<TContext extends BaseContext>(metrics: Metrics, options: OperationMetricsOptions = {}): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = operationLabel(operationName, options.knownOperations);
          metrics.graphqlOperations.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
          for (const error of errors ?? []) metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
