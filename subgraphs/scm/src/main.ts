import { runService } from '@devgraph/runtime';
import { readScmConfig } from './config';
import { createScmSubgraph } from './createScmSubgraph';

void runService({
  service: 'scm',
  readConfig: () => readScmConfig(),
  // The token must never reach a log line, wherever it might hide (an upstream error message...).
  secrets: (config) => (config.github.token ? [config.github.token] : []),
  start: (config, logger) => createScmSubgraph(config, logger),
});
