import { trustSecrets, type RunServiceOptions } from '@devgraph/runtime';
import { readIncidentsConfig, type IncidentsConfig } from './config';
import { createIncidentsSubgraph } from './createIncidentsSubgraph';

/** The incidents subgraph as one process runs it: config, the secrets its logger scrubs, and start. */
export const subgraph: RunServiceOptions<IncidentsConfig> = {
  service: 'incidents',
  readConfig: (env) => readIncidentsConfig(env),
  secrets: (config) => [config.pagerduty.token, ...trustSecrets(config.trust)],
  start: createIncidentsSubgraph,
};
