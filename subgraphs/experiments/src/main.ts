import { runService } from '@devgraph/runtime';
import { readExperimentsConfig } from './config';
import { createExperimentsSubgraph } from './createExperimentsSubgraph';

void runService({
  service: 'experiments',
  readConfig: () => readExperimentsConfig(),
  secrets: (config) => (config.growthbook.apiKey ? [config.growthbook.apiKey] : []),
  start: createExperimentsSubgraph,
});
