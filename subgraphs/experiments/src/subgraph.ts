import { trustSecrets, type RunServiceOptions } from '@devgraph/runtime';
import { readExperimentsConfig, type ExperimentsConfig } from './config';
import { createExperimentsSubgraph } from './createExperimentsSubgraph';

/** The experiments subgraph as one process runs it: config, the secrets its logger scrubs, and start. */
export const subgraph: RunServiceOptions<ExperimentsConfig> = {
  service: 'experiments',
  readConfig: (env) => readExperimentsConfig(env),
  secrets: (config) => [...(config.growthbook.apiKey ? [config.growthbook.apiKey] : []), ...trustSecrets(config.trust)],
  start: createExperimentsSubgraph,
};
