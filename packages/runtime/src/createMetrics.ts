import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  graphqlOperations: Counter<'operation' | 'outcome'>;
  graphqlErrors: Counter<'code'>;
  upstreamCalls: Counter<'upstream' | 'outcome'>;
  upstreamBudget: Gauge<'upstream'>;
  upstreamDuration: Histogram<'upstream'>;
  upstreamStaleServed: Counter<'upstream'>;
  upstreamCircuit: Gauge<'upstream'>;
  /** The gateway's fetches to subgraphs: `sent`, or `shared` with an identical one in flight (SUBGRAPH_DEDUP). */
  subgraphFetches: Counter<'subgraph' | 'outcome'>;
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
      help: 'Calls to upstream tools, by upstream and outcome (ok, timeout, network, rate_limited, circuit_open, not_found, http_4xx, http_5xx, skipped, error).',
      labelNames: ['upstream', 'outcome'],
      registers: [registry],
    }),
    upstreamBudget: new Gauge({
      name: 'devgraph_upstream_rate_limit_remaining',
      help: 'Remaining rate-limit budget the upstream last reported.',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: 'devgraph_upstream_call_duration_seconds',
      help: 'Time of one logical upstream call, all attempts and waits included.',
      labelNames: ['upstream'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    upstreamStaleServed: new Counter({
      name: 'devgraph_upstream_stale_served_total',
      help: 'Cached values served past their freshness because the upstream failed.',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    upstreamCircuit: new Gauge({
      name: 'devgraph_upstream_circuit_state',
      help: 'Circuit breaker per upstream: 0 closed, 0.5 half-open, 1 open.',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    subgraphFetches: new Counter({
      name: 'devgraph_subgraph_fetches_total',
      help: 'Gateway fetches to subgraphs, by subgraph and outcome (sent; shared: answered by an identical fetch already in flight).',
      labelNames: ['subgraph', 'outcome'],
      registers: [registry],
    }),
  };
}
