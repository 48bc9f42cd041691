import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCache, createMetrics, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import { resolvers } from './resolvers';
import { createIncidentsContext } from './context';
import { createPagerDutyClient } from './sources/pagerduty/createPagerDutyClient';
import { createPagerDutySource } from './sources/createPagerDutySource';
import type { IncidentsConfig } from './config';

export const INCIDENTS_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Wire PagerDuty (client, cache, batching) to the schema and serve it. Used by main.ts and by tests. */
export async function createIncidentsSubgraph(config: IncidentsConfig, logger: Logger): Promise<RunningServer> {
  const pd = config.pagerduty;
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
    batchWindowMs: pd.batchWindowMs,
    ttls: { incidentsSeconds: config.cache.incidentsTtlSeconds, onCallSeconds: config.cache.onCallTtlSeconds },
  });
  logger.info({ apiUrl: pd.apiUrl, cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'incidents subgraph configured');
  const server = await startSubgraphServer({
    name: 'incidents',
    typeDefs: INCIDENTS_TYPE_DEFS,
    resolvers,
    context: () => createIncidentsContext(source),
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
