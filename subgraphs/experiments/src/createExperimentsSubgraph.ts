import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCache, createMetrics, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import { resolvers } from './resolvers';
import type { ExperimentsContext } from './context';
import type { ExperimentsConfig } from './config';
import type { ExperimentsSource } from './model/ExperimentsSource';
import { createGrowthBookSource } from './sources/growthbook/createGrowthBookSource';

export const EXPERIMENTS_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Test seams; production passes none. */
export interface ExperimentsDependencies {
  /** Clock for the cache and derived fields, so tests move time instead of waiting. */
  now?: () => number;
  /** Base delay of retries (the caller's backoff); tests shorten it. */
  retryBaseDelayMs?: number;
}

/** Wire the GrowthBook source, the cache and the server from config. Used by main.ts and by tests. */
export async function createExperimentsSubgraph(config: ExperimentsConfig, logger: Logger, deps: ExperimentsDependencies = {}): Promise<RunningServer> {
  const now = deps.now ?? Date.now;
  const metrics = createMetrics('experiments');
  const cache = createCache({
    redisUrl: config.cache.redisUrl,
    keyPrefix: `${config.cache.prefix}:`,
    maxEntries: 5_000,
    onError: (error) => logger.warn({ err: error }, 'cache backend failing; serving without it'),
    now,
  });
  const source: ExperimentsSource = createGrowthBookSource({
    ...config.growthbook,
    cache,
    metadataTtlSeconds: config.cache.metadataTtlSeconds,
    resultsTtlSeconds: config.cache.resultsTtlSeconds,
    staleSeconds: config.cache.staleSeconds,
    logger,
    metrics,
    now,
    retryBaseDelayMs: deps.retryBaseDelayMs,
  });
  if (!config.growthbook.apiKey) logger.warn('GROWTHBOOK_API_KEY is not set: experiment fields will answer UNAUTHENTICATED');
  logger.info({ apiUrl: config.growthbook.apiUrl, cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'experiments source: growthbook');
  const server = await startSubgraphServer<ExperimentsContext>({
    name: 'experiments',
    typeDefs: EXPERIMENTS_TYPE_DEFS,
    resolvers,
    context: () => ({ source: source.forRequest(), now }),
    port: config.port,
    host: config.host,
    logger,
    metrics,
  });
  return {
    ...server,
    async close() {
      await server.close();
      await source.close();
      await cache.close();
    },
  };
}
