import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCache, createMetrics, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import { resolvers } from './resolvers';
import { createIncidentsContext } from './context';
import { createPagerDutyClient } from './sources/pagerduty/createPagerDutyClient';
import { createPagerDutySource } from './sources/createPagerDutySource';
import { fixedBatchWindow, type BatchWindow } from './sources/createRequestBatcher';
import type { IncidentsConfig } from './config';

export const INCIDENTS_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Test seams; production passes none. */
export interface IncidentsDependencies {
  /** Each request's "now" (default windows, "on call now"), so tests pin it instead of racing the wall clock. */
  now?: () => number;
  /** When batched questions are sent; default `fixedBatchWindow(PAGERDUTY_BATCH_WINDOW_MS)`. */
  batchWindow?: BatchWindow;
}

/** Wire PagerDuty (client, cache, batching) to the schema and serve it. Used by main.ts and by tests. */
export async function createIncidentsSubgraph(config: IncidentsConfig, logger: Logger, deps: IncidentsDependencies = {}): Promise<RunningServer> {
  const pd = config.pagerduty;
  const now = deps.now ?? Date.now;
  const client = createPagerDutyClient({
    baseUrl: pd.apiUrl,
    token: pd.token,
    timeoutMs: pd.timeoutMs,
    retries: pd.retries,
    baseDelayMs: pd.retryBaseMs,
    maxDelayMs: pd.retryMaxMs,
    rateLimitWaitMs: pd.rateLimitWaitMs,
    pageSize: pd.pageSize,
    maxPages: pd.maxPages,
    breaker: pd.breaker,
    logger,
  });
  const cache = createCache({
    redisUrl: config.cache.redisUrl,
    keyPrefix: `${config.cache.prefix}:`,
    maxEntries: 10_000,
    onError: (error) => logger.warn({ err: error }, 'cache backend failed; serving without it'),
  });
  const source = createPagerDutySource({
    client,
    cache,
    chunkSize: pd.chunkSize,
    batchWindow: deps.batchWindow ?? fixedBatchWindow(pd.batchWindowMs),
    ttls: { incidentsSeconds: config.cache.incidentsTtlSeconds, onCallSeconds: config.cache.onCallTtlSeconds },
  });
  logger.info({ apiUrl: pd.apiUrl, cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'incidents subgraph configured');
  const server = await startSubgraphServer({
    name: 'incidents',
    typeDefs: INCIDENTS_TYPE_DEFS,
    resolvers,
    context: () => createIncidentsContext(source, now()),
    port: config.port,
    host: config.host,
    logger,
    metrics: createMetrics('incidents'),
  });
  return {
    ...server,
    async close() {
      await server.close();
      client.close();
      await cache.close();
    },
  };
}
