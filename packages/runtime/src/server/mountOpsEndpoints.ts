import type { Express } from 'express';
import type { Metrics } from '../createMetrics';
import { allowMethods } from './http/allowMethods';

/**
 * Liveness (`/healthz`: the process answers), readiness (`/readyz`: it can serve queries) and
 * Prometheus metrics. Kept apart so orchestrators restart only what is really dead.
 */
export function mountOpsEndpoints(app: Express, options: { metrics: Metrics; isReady?: () => boolean }): void {
  // Express answers HEAD with the GET handler; anything else is a 405, not a confusing 404.
  const readOnly = allowMethods(['GET', 'HEAD']);
  app.route('/healthz').all(readOnly).get((_req, res) => {
    res.json({ status: 'ok' });
  });
  app.route('/readyz').all(readOnly).get((_req, res) => {
    const ready = options.isReady ? options.isReady() : true;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  app.route('/metrics').all(readOnly).get(async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
}
