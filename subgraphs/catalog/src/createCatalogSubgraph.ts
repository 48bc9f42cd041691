import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { bearerAuth, createMetrics, createUpstream, redactUrl, startSubgraphServer, type Logger, type Metrics, type RunningServer, type Upstream } from '@devgraph/runtime';
import { resolvers } from './resolvers';
import type { CatalogContext } from './context';
import type { CatalogConfig } from './config';
import type { CatalogSource } from './model/CatalogSource';
import { BACKSTAGE } from './sources/backstage/backstageError';
import { createBackstageClient } from './sources/backstage/createBackstageClient';
import { createBackstageFeed } from './sources/backstage/createBackstageFeed';
import { createCatalogStore } from './sources/createCatalogStore';
import type { EntityFeed } from './sources/EntityFeed';
import { createYamlFeed } from './sources/yaml/createYamlFeed';

export const CATALOG_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Test seams; production passes none. */
export interface CatalogSubgraphDeps {
  /** Clock for the status' ages and the feeds' sync times. */
  now?: () => number;
  /** Waits between Backstage retries; tests skip them instead of waiting. */
  sleep?: (ms: number) => Promise<void>;
}

export interface RunningCatalogSubgraph extends RunningServer {
  source: CatalogSource;
}

/** The configured feeds, files first: on a duplicate ref the first feed wins. */
function createFeeds(config: CatalogConfig, logger: Logger, backstage: Upstream | undefined, deps: CatalogSubgraphDeps): EntityFeed[] {
  const feeds: EntityFeed[] = [];
  if (config.catalogPaths.length > 0) {
    feeds.push(
      createYamlFeed({
        paths: config.catalogPaths,
        cwd: config.cwd,
        watch: config.watch !== undefined,
        debounceMs: config.watch?.debounceMs ?? 0,
        allowedRoots: config.allowedRoots,
        maxDropPercent: config.maxDropPercent,
        dropConfirmations: config.dropConfirmations,
        logger,
        now: deps.now,
      }),
    );
  }
  if (config.backstage && backstage) {
    const { url, pageSize, syncIntervalMs } = config.backstage;
    const client = createBackstageClient({ baseUrl: url, upstream: backstage, pageSize });
    feeds.push(
      createBackstageFeed({ baseUrl: url, client, syncIntervalMs, maxDropPercent: config.maxDropPercent, dropConfirmations: config.dropConfirmations, logger, now: deps.now }),
    );
  }
  return feeds;
}

function createBackstageUpstream(config: CatalogConfig, logger: Logger, metrics: Metrics, deps: CatalogSubgraphDeps): Upstream | undefined {
  if (!config.backstage) return undefined;
  return createUpstream({
    name: BACKSTAGE,
    auth: bearerAuth(config.backstage.token, 'BACKSTAGE_TOKEN'),
    policy: config.backstage.policy,
    logger,
    metrics,
    sleep: deps.sleep,
  });
}

/** Load the catalog, report what was skipped, and serve it, live. Used by main.ts and by tests. */
export async function createCatalogSubgraph(config: CatalogConfig, logger: Logger, deps: CatalogSubgraphDeps = {}): Promise<RunningCatalogSubgraph> {
  const now = deps.now ?? Date.now;
  const metrics = createMetrics('catalog');
  const backstage = createBackstageUpstream(config, logger, metrics, deps);
  const store = createCatalogStore({ feeds: createFeeds(config, logger, backstage, deps), logger, now });
  const close = async () => {
    await store.close();
    backstage?.close();
  };
  await store.start();
  const index = store.current();
  logger.info(
    { entities: index.size, problems: index.problems.length, paths: config.catalogPaths, backstage: config.backstage && redactUrl(config.backstage.url), watch: config.watch !== undefined },
    'catalog loaded',
  );
  let server: RunningServer;
  try {
    server = await startSubgraphServer<CatalogContext>({
      name: 'catalog',
      typeDefs: CATALOG_TYPE_DEFS,
      resolvers,
      context: ({ identity }) => ({ source: store.forRequest(), now, identity }),
      port: config.port,
      host: config.host,
      trust: config.trust,
      logger,
      metrics,
      upstreams: backstage ? [backstage] : [],
    });
  } catch (error) {
    await close();
    throw error;
  }
  return {
    ...server,
    source: store,
    async close() {
      await close();
      await server.close();
    },
  };
}
