import { runService } from '@devgraph/runtime';
import { readSimulatorConfig } from './config';
import { startBackstageSimulator } from './startBackstageSimulator';

void runService({
  service: 'backstage-simulator',
  readConfig: () => readSimulatorConfig(),
  secrets: (config) => [config.token],
  async start(config, logger) {
    const simulator = await startBackstageSimulator({ port: config.port, host: config.host, token: config.token });
    logger.info({ url: simulator.url }, 'Backstage catalog simulator listening; set BACKSTAGE_URL to this and BACKSTAGE_TOKEN to its token');
    return simulator;
  },
});
