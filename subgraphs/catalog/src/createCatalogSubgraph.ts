import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { createMetrics, startSubgraphServer, type Logger, type RunningServer } from '@devgraph/runtime';
import { resolvers } from './resolvers';
import { createCatalogContext } from './context';
import { createCatalogIndex } from './model/createCatalogIndex';
import { readCatalogFiles } from './sources/readCatalogFiles';
import type { CatalogConfig } from './config';

export const CATALOG_TYPE_DEFS = parse(fs.readFileSync(path.resolve(__dirname, '../schema.graphql'), 'utf8'));

/** Load the catalog, report what was skipped, and serve it. Used by main.ts and by tests. */
export async function createCatalogSubgraph(config: CatalogConfig, logger: Logger): Promise<RunningServer> {
  const { entities, problems } = await readCatalogFiles({ paths: config.catalogPaths, cwd: config.cwd });
  const index = createCatalogIndex(entities, problems);
  for (const problem of index.problems) logger.warn({ problem }, `catalog problem: ${problem.message}`);
  logger.info({ entities: index.size, problems: index.problems.length, paths: config.catalogPaths }, 'catalog loaded');
  return startSubgraphServer({
    name: 'catalog',
    typeDefs: CATALOG_TYPE_DEFS,
    resolvers,
    context: () => createCatalogContext(index),
    port: config.port,
    host: config.host,
    logger,
    metrics: createMetrics('catalog'),
  });
}
