import { runService } from '@devgraph/runtime';
import { readGithubSimulatorConfig } from './config';
import { startGithubSimulator } from './startGithubSimulator';

void runService({
  service: 'github-simulator',
  readConfig: () => readGithubSimulatorConfig(),
  secrets: (config) => [config.token],
  start: async (config, logger) => {
    const simulator = await startGithubSimulator({ port: config.port, host: config.host, token: config.token });
    logger.info({ url: `${simulator.url}/graphql`, control: `${simulator.url}/__simulator/requests` }, 'GitHub simulator listening (GITHUB_API_URL for the scm subgraph)');
    return simulator;
  },
});
