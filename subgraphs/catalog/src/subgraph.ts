import { trustSecrets, type RunServiceOptions } from '@devgraph/runtime';
import { readCatalogConfig, type CatalogConfig } from './config';
import { createCatalogSubgraph } from './createCatalogSubgraph';

/** The catalog subgraph as one process runs it: config, the secrets its logger scrubs, and start. */
export const subgraph: RunServiceOptions<CatalogConfig> = {
  service: 'catalog',
  readConfig: (env) => readCatalogConfig(env),
  secrets: (config) => [...(config.backstage?.token ? [config.backstage.token] : []), ...trustSecrets(config.trust)],
  start: (config, logger) => createCatalogSubgraph(config, logger),
};
