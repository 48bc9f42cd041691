import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { redactUrl, createCache, createMetrics, createUpstream, pagerDutyTokenAuth, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import type { IncidentsConfig } from './config';
import type { IncidentsContext } from './context';
import type { IncidentsSource } from './model/IncidentsSource';
import { resolvers } from './resolvers';
import { createPagerDutyClient } from './sources/pagerduty/createPagerDutyClient';
import { createPagerDutySource } from './sources/pagerduty/createPagerDutySource';
import { fixedBatchWindow, type BatchWindow } from './sources/pagerduty/createRequestBatcher';
import { PAGERDUTY } from './sources/pagerduty/pagerDutyPolicy';

export const INCIDENTS_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Test seams; production passes none. */
export interface IncidentsDependencies {
  /** Each request's "now" (default windows, "on call now") and cache freshness, so tests pin it instead of racing the wall clock. */
  now?: () => number;
  /** When batched questions are sent; default `fixedBatchWindow(PAGERDUTY_BATCH_WINDOW_MS)`. */
  batchWindow?: BatchWindow;
}

/** Wire PagerDuty (upstream, client, cache, source) to the schema and serve it. Used by main.ts and by tests. */
export async function createIncidentsSubgraph(config: IncidentsConfig, logger: Logger, deps: IncidentsDependencies = {}): Promise<RunningServer> {
  const pd = config.pagerduty;
  const now = deps.now ?? Date.now;
  const metrics = createMetrics('incidents');
  const upstream = createUpstream({
    name: PAGERDUTY,
    auth: pagerDutyTokenAuth(pd.token, 'PAGERDUTY_TOKEN'),
    policy: pd.policy,
    logger,
    metrics,
    now,
  });
  const client = createPagerDutyClient({ baseUrl: pd.apiUrl, upstream, rateLimitWaitMs: pd.rateLimitWaitMs, pageSize: pd.pageSize, maxPages: pd.maxPages, logger });
  const cache = createCache({
    redisUrl: config.cache.redisUrl,
    keyPrefix: `${config.cache.prefix}:`,
    maxEntries: 10_000,
    onError: (error) => logger.warn({ err: error }, 'incidents cache unavailable: calling PagerDuty directly'),
    now,
  });
  const source: IncidentsSource = createPagerDutySource({
    client,
    upstream,
    cache,
    chunkSize: pd.chunkSize,
    batchWindow: deps.batchWindow ?? fixedBatchWindow(pd.batchWindowMs),
    ttls: { incidentsSeconds: config.cache.incidentsTtlSeconds, onCallSeconds: config.cache.onCallTtlSeconds },
    now,
  });
  logger.info({ apiUrl: redactUrl(pd.apiUrl), cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'incidents source: pagerduty');
  const server = await startSubgraphServer<IncidentsContext>({
    name: 'incidents',
    typeDefs: INCIDENTS_TYPE_DEFS,
    resolvers,
    context: () => ({ source: source.forRequest(), now: now() }),
    port: config.port,
    host: config.host,
    trust: config.trust,
    logger,
    metrics,
    upstreams: [upstream],
  });
  return {
    ...server,
    async close() {
      await server.close();
      await source.close();
      upstream.close();
      await cache.close();
    },
  };
}
