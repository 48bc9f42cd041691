import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createCache, createMetrics, startSubgraphServer, type BreakerOptions, type Logger, type RunningServer } from '@devgraph/runtime';
import type { ScmConfig } from './config';
import { createScmContext } from './context';
import { resolvers } from './resolvers';
import { createGithubClient } from './sources/github/createGithubClient';
import { createGithubSource } from './sources/github/createGithubSource';
import { createRateLimitBudget } from './sources/github/createRateLimitBudget';

export const SCM_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Most connection nodes per GitHub query; see QueryLimits. */
const MAX_NODES_PER_QUERY = 50_000;

/** Knobs tests turn that are not worth an environment variable. */
export interface ScmTestHooks {
  /** Cap on one retry wait (default 2000 ms). */
  maxRetryDelayMs?: number;
  breaker?: BreakerOptions;
  now?: () => Date;
}

/** Connect to GitHub (or the simulator) through the shared cache and serve the scm subgraph. */
export async function createScmSubgraph(config: ScmConfig, logger: Logger, hooks: ScmTestHooks = {}): Promise<RunningServer> {
  const metrics = createMetrics('scm');
  const budget = createRateLimitBudget({ minRemaining: config.github.minRemaining, logger, metrics });
  const client = await createGithubClient({
    apiUrl: config.github.apiUrl,
    token: config.github.token,
    timeoutMs: config.github.timeoutMs,
    retries: config.github.retries,
    maxDelayMs: hooks.maxRetryDelayMs,
    breaker: hooks.breaker,
    budget,
    logger,
    metrics,
  });
  const cache = createCache({
    redisUrl: config.cache.redisUrl,
    keyPrefix: config.cache.keyPrefix,
    maxEntries: 10_000,
    onError: (error) => logger.warn({ err: error }, 'scm cache unavailable: calling GitHub directly'),
  });
  const source = createGithubSource({
    client,
    cache,
    cacheTuning: { ttlSeconds: config.cache.ttlSeconds, staleSeconds: config.cache.staleSeconds },
    limits: { maxUnitsPerQuery: config.github.maxUnitsPerQuery, maxNodesPerQuery: MAX_NODES_PER_QUERY },
    logger,
  });
  if (!config.github.token) logger.warn('GITHUB_TOKEN is not set: GitHub will answer 401 (UNAUTHENTICATED) to every call');
  logger.info({ githubApiUrl: config.github.apiUrl, cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'scm subgraph configured');
  const server = await startSubgraphServer({
    name: 'scm',
    typeDefs: SCM_TYPE_DEFS,
    resolvers,
    context: () => createScmContext(source, hooks.now),
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
    },
  };
}
