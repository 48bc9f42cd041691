import type { Express } from 'express';
import type { Metrics } from '../createMetrics';
import type { CircuitState } from '../upstream/createUpstreamCaller';
import { allowMethods } from './http/allowMethods';

/**
 * Liveness (`/healthz`: the process answers), readiness (`/readyz`: it can serve queries) and
 * Prometheus metrics. Kept apart so orchestrators restart only what is really dead.
 */
export interface OpsEndpointOptions {
  metrics: Metrics;
  isReady?: () => boolean;
  /**
   * The tools this process calls, reported in /readyz's body. An open circuit does not make the
   * process unready: it still serves cached data and every other field, and an orchestrator
   * pulling it would only move the same outage to another replica.
   */
  upstreams?: readonly { name: string; state(): CircuitState }[];
  /** More of /readyz's body, e.g. the gateway's view of each subgraph. */
  readinessDetails?: () => Record<string, unknown>;
}

export function mountOpsEndpoints(app: Express, options: OpsEndpointOptions): void {
  // Express answers HEAD with the GET handler; anything else is a 405, not a confusing 404.
  const readOnly = allowMethods(['GET', 'HEAD']);
  app.route('/healthz').all(readOnly).get((_req, res) => {
    res.json({ status: 'ok' });
  });
  app.route('/readyz').all(readOnly).get((_req, res) => {
    const ready = options.isReady ? options.isReady() : true;
    const upstreams = options.upstreams?.length ? { upstreams: Object.fromEntries(options.upstreams.map((u) => [u.name, u.state()])) } : {};
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting', ...upstreams, ...options.readinessDetails?.() });
  });
  app.route('/metrics').all(readOnly).get(async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
}
