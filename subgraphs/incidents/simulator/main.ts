import { runService } from '@devgraph/runtime';
import { readSimulatorConfig } from './config';
import { startPagerDutySimulator } from './startPagerDutySimulator';

void runService({
  service: 'pagerduty-simulator',
  readConfig: () => readSimulatorConfig(),
  secrets: (config) => [config.token],
  async start(config, logger) {
    const simulator = await startPagerDutySimulator({ port: config.port, host: config.host, token: config.token });
    logger.info(
      { url: simulator.url, services: simulator.data.services.length, incidents: simulator.data.incidents.length },
      'PagerDuty simulator listening; point PAGERDUTY_API_URL here (faults: POST /__simulator/faults)',
    );
    return simulator;
  },
});
