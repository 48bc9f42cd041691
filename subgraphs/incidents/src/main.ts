import { runService } from '@devgraph/runtime';
import { readIncidentsConfig } from './config';
import { createIncidentsSubgraph } from './createIncidentsSubgraph';

void runService({
  service: 'incidents',
  readConfig: () => readIncidentsConfig(),
  secrets: (config) => [config.pagerduty.token],
  start: createIncidentsSubgraph,
});
