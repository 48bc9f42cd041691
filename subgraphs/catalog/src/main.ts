import { runService } from '@devgraph/runtime';
import { readCatalogConfig } from './config';
import { createCatalogSubgraph } from './createCatalogSubgraph';

void runService({ service: 'catalog', readConfig: () => readCatalogConfig(), start: createCatalogSubgraph });
