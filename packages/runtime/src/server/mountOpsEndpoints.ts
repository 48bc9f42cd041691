import type { Express } from 'express';
import type { Metrics } from '../createMetrics';

/**
 * Liveness (`/healthz`: the process answers), readiness (`/readyz`: it can serve queries) and
 * Prometheus metrics. Kept apart so orchestrators restart only what is really dead.
 */
export function mountOpsEndpoints(app: Express, options: { metrics: Metrics; isReady?: () => boolean }): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    const ready = options.isReady ? options.isReady() : true;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'starting' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
}
