import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Metrics } from '../createMetrics';

/** Counts operations and errors by code, so a dashboard can see failure rates per kind. */
export function useOperationMetrics<TContext extends BaseContext>(metrics: Metrics): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors }) {
          const operation = operationName ?? 'anonymous';
          metrics.graphqlOperations.inc({ operation, outcome: errors?.length ? 'error' : 'ok' });
          for (const error of errors ?? []) metrics.graphqlErrors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
}
