import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { redactUrl, bearerAuth, createCache, createMetrics, createUpstream, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import type { ExperimentsConfig } from './config';
import type { ExperimentsContext } from './context';
import type { ExperimentsSource } from './model/ExperimentsSource';
import { resolvers } from './resolvers';
import { createGrowthBookClient } from './sources/growthbook/createGrowthBookClient';
import { createGrowthBookSource } from './sources/growthbook/createGrowthBookSource';
import { GROWTHBOOK } from './sources/growthbook/growthBookPolicy';

export const EXPERIMENTS_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Test seams; production passes none. */
export interface ExperimentsDependencies {
  /** Clock (epoch ms) for cache freshness and derived fields (`FeatureFlag.stale`); tests move it instead of waiting. */
  now?: () => number;
  /** Waits between GrowthBook retries; tests skip them instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

/** Wire GrowthBook (or its simulator), the shared cache and the server from config. Used by main.ts and by tests. */
export async function createExperimentsSubgraph(config: ExperimentsConfig, logger: Logger, deps: ExperimentsDependencies = {}): Promise<RunningServer> {
  const now = deps.now ?? Date.now;
  const metrics = createMetrics('experiments');
  const upstream = createUpstream({
    name: GROWTHBOOK,
    auth: bearerAuth(config.growthbook.apiKey, 'GROWTHBOOK_API_KEY'),
    policy: config.growthbook.policy,
    logger,
    metrics,
    now,
    sleep: deps.sleep,
  });
  const client = createGrowthBookClient({ apiUrl: config.growthbook.apiUrl, upstream, maxPages: config.growthbook.maxPages });
  const cache = createCache({
    redisUrl: config.cache.redisUrl,
    keyPrefix: config.cache.keyPrefix,
    maxEntries: 5_000,
    onError: (error) => logger.warn({ err: error }, 'experiments cache unavailable: calling GrowthBook directly'),
    now,
  });
  const source: ExperimentsSource = createGrowthBookSource({
    client,
    upstream,
    cache,
    cacheTuning: config.cache,
    appUrl: config.growthbook.appUrl,
    maxPages: config.growthbook.maxPages,
    resultsConcurrency: config.growthbook.resultsConcurrency,
    logger,
  });
  if (!config.growthbook.apiKey) logger.warn('GROWTHBOOK_API_KEY is not set: experiment fields will answer UNAUTHENTICATED');
  logger.info({ growthbookApiUrl: redactUrl(config.growthbook.apiUrl), cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'experiments source: growthbook');
  const server = await startSubgraphServer<ExperimentsContext>({
    name: 'experiments',
    typeDefs: EXPERIMENTS_TYPE_DEFS,
    resolvers,
    context: () => ({ source: source.forRequest(), now }),
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
