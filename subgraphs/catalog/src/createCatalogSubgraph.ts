import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createMetrics, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import { resolvers } from './resolvers';
import { createCatalogContext } from './context';
import { createBackstageClient } from './sources/createBackstageClient';
import { createBackstageSource } from './sources/createBackstageSource';
import { createCatalogStore, type CatalogStore } from './sources/createCatalogStore';
import { createFileSource } from './sources/createFileSource';
import type { CatalogSource } from './sources/CatalogSource';
import type { CatalogConfig } from './config';

export const CATALOG_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

export interface CatalogSubgraphDeps {
  /** Injectable clock for the status' ages. */
  now?: () => number;
  /** Backstage retry backoff base; tests shorten it. */
  retryBaseDelayMs?: number;
}

export interface RunningCatalogSubgraph extends RunningServer {
  store: CatalogStore;
}

/** The configured sources, files first: on a duplicate ref the first source wins. */
export function createCatalogSources(config: CatalogConfig, logger: Logger, deps: CatalogSubgraphDeps = {}): CatalogSource[] {
  const sources: CatalogSource[] = [];
  if (config.catalogPaths.length > 0) {
    sources.push(
      createFileSource({
        paths: config.catalogPaths,
        cwd: config.cwd,
        watch: config.watch !== undefined,
        debounceMs: config.watch?.debounceMs ?? 0,
        logger,
        now: deps.now,
      }),
    );
  }
  if (config.backstage) {
    const { url, token, timeoutMs, retries, pageSize, syncIntervalMs } = config.backstage;
    const client = createBackstageClient({
      baseUrl: url,
      token,
      timeoutMs,
      retries,
      pageSize,
      retryBaseDelayMs: deps.retryBaseDelayMs,
      onEvent: (event) => logger.debug({ event: { ...event, error: 'error' in event ? event.error.message : undefined } }, `backstage ${event.type}`),
    });
    sources.push(createBackstageSource({ baseUrl: url, client, syncIntervalMs, logger, now: deps.now }));
  }
  return sources;
}

/** Load the catalog, report what was skipped, and serve it, live. Used by main.ts and by tests. */
export async function createCatalogSubgraph(config: CatalogConfig, logger: Logger, deps: CatalogSubgraphDeps = {}): Promise<RunningCatalogSubgraph> {
  const store = createCatalogStore({ sources: createCatalogSources(config, logger, deps), logger, now: deps.now });
  await store.start();
  const { index } = store.current();
  logger.info(
    { entities: index.size, problems: index.problems.length, paths: config.catalogPaths, backstage: config.backstage?.url, watch: config.watch !== undefined },
    'catalog loaded',
  );
  let server: RunningServer;
  try {
    server = await startSubgraphServer({
      name: 'catalog',
      typeDefs: CATALOG_TYPE_DEFS,
      resolvers,
      context: () => {
        // One snapshot per request: a reload during the request does not change what it reads.
        const snapshot = store.current();
        return createCatalogContext(snapshot.index, { builtAt: snapshot.builtAt, lookup: store.lookup, catalogStatus: () => store.status() });
      },
      port: config.port,
      host: config.host,
      logger,
      metrics: createMetrics('catalog'),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    ...server,
    store,
    async close() {
      await store.close();
      await server.close();
    },
  };
}
