import { trustSecrets, type RunServiceOptions } from '@devgraph/runtime';
import { readScmConfig, type ScmConfig } from './config';
import { createScmSubgraph } from './createScmSubgraph';

/** The scm subgraph as one process runs it: config, the secrets its logger scrubs, and start. */
export const subgraph: RunServiceOptions<ScmConfig> = {
  service: 'scm',
  readConfig: (env) => readScmConfig(env),
  // The token must never reach a log line, wherever it might hide (an upstream error message...).
  secrets: (config) => [...(config.github.token ? [config.github.token] : []), ...trustSecrets(config.trust)],
  start: (config, logger) => createScmSubgraph(config, logger),
};
