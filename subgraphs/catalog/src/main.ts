import { runService } from '@devgraph/runtime';
import { readCatalogConfig } from './config';
import { createCatalogSubgraph } from './createCatalogSubgraph';

void runService({
  service: 'catalog',
  readConfig: () => readCatalogConfig(),
  secrets: (config) => (config.backstage?.token ? [config.backstage.token] : []),
  start: (config, logger) => createCatalogSubgraph(config, logger),
});
