import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  graphqlOperations: Counter<'operation' | 'outcome'>;
  graphqlErrors: Counter<'code'>;
  upstreamCalls: Counter<'upstream' | 'outcome'>;
  upstreamBudget: Gauge<'upstream'>;
}

/** One registry per server, so two servers in one test process never share counters. */
export function createMetrics(service: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    graphqlOperations: new Counter({
      name: 'devgraph_graphql_operations_total',
      help: 'GraphQL operations served, by operation name and outcome (ok, error).',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'devgraph_graphql_errors_total',
      help: 'GraphQL errors returned, by extensions.code.',
      labelNames: ['code'],
      registers: [registry],
    }),
    upstreamCalls: new Counter({
      name: 'devgraph_upstream_calls_total',
      help: 'Calls to upstream tools, by upstream and outcome.',
      labelNames: ['upstream', 'outcome'],
      registers: [registry],
    }),
    upstreamBudget: new Gauge({
      name: 'devgraph_upstream_rate_limit_remaining',
      help: 'Remaining rate-limit budget the upstream last reported.',
      labelNames: ['upstream'],
      registers: [registry],
    }),
  };
}
