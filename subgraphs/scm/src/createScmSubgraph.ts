import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { redactUrl, bearerAuth, createCache, createMetrics, createUpstream, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import type { ScmConfig } from './config';
import type { ScmContext } from './context';
import type { ScmSource } from './model/ScmSource';
import { resolvers } from './resolvers';
import { createGithubClient } from './sources/github/createGithubClient';
import { createGithubSource } from './sources/github/createGithubSource';
import { createRateLimitBudget } from './sources/github/createRateLimitBudget';
import { GITHUB } from './sources/github/githubPolicy';

export const SCM_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Most connection nodes per GitHub query; see QueryLimits. */
const MAX_NODES_PER_QUERY = 50_000;

/** Test seams; production passes none. */
export interface ScmDependencies {
  /** Clock (epoch ms) for cache freshness and derived fields ("the last 30 days"); tests move it instead of waiting. */
  now?: () => number;
  /** Redis command timeout; tests on a busy machine raise it so a slow read is not a miss (an extra GitHub call). */
  cacheCommandTimeoutMs?: number;
}

/** Wire GitHub (or its simulator), the shared cache and the server from config. Used by main.ts and by tests. */
export async function createScmSubgraph(config: ScmConfig, logger: Logger, deps: ScmDependencies = {}): Promise<RunningServer> {
  const now = deps.now ?? Date.now;
  const metrics = createMetrics('scm');
  const upstream = createUpstream({
    name: GITHUB,
    auth: bearerAuth(config.github.token, 'GITHUB_TOKEN', 'bearer'),
    policy: config.github.policy,
    logger,
    metrics,
    now,
  });
  // GitHub's reset times are wall-clock instants: the budget keeps the real clock.
  const budget = createRateLimitBudget({ minRemaining: config.github.minRemaining, logger, metrics });
  const client = await createGithubClient({ apiUrl: config.github.apiUrl, upstream, budget });
  const cache = createCache({
    redisUrl: config.cache.redisUrl,
    keyPrefix: config.cache.keyPrefix,
    maxEntries: 10_000,
    commandTimeoutMs: deps.cacheCommandTimeoutMs,
    onError: (error) => logger.warn({ err: error }, 'scm cache unavailable: calling GitHub directly'),
    now,
  });
  const source: ScmSource = createGithubSource({
    client,
    upstream,
    cache,
    cacheTuning: { ttlSeconds: config.cache.ttlSeconds, staleSeconds: config.cache.staleSeconds },
    limits: { maxUnitsPerQuery: config.github.maxUnitsPerQuery, maxNodesPerQuery: MAX_NODES_PER_QUERY },
  });
  if (!config.github.token) logger.warn('GITHUB_TOKEN is not set: GitHub fields will answer UNAUTHENTICATED');
  logger.info({ githubApiUrl: redactUrl(config.github.apiUrl), cache: config.cache.redisUrl ? 'redis' : 'memory' }, 'scm source: github');
  const server = await startSubgraphServer<ScmContext>({
    name: 'scm',
    typeDefs: SCM_TYPE_DEFS,
    resolvers,
    context: () => ({ source: source.forRequest(), now, allowAnyRepository: config.allowAnyRepository }),
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
