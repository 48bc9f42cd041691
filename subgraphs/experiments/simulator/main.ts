import { runService } from '@devgraph/runtime';
import { readSimulatorConfig } from './config';
import { startGrowthBookSimulator } from './startGrowthBookSimulator';

void runService({
  service: 'growthbook-simulator',
  readConfig: () => readSimulatorConfig(),
  secrets: (config) => [config.token],
  async start(config, logger) {
    const simulator = await startGrowthBookSimulator({ port: config.port, host: config.host, token: config.token });
    logger.info({ url: `${simulator.url}/api` }, 'GrowthBook simulator listening; point GROWTHBOOK_API_URL here');
    return simulator;
  },
});
