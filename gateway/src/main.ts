import { createLogger, exitOnConfigError } from '@devgraph/runtime';
import { readGatewayConfig, type GatewayConfig } from './config';
import { startGateway } from './startGateway';

async function main() {
  let config: GatewayConfig;
  try {
    config = readGatewayConfig();
  } catch (error) {
    exitOnConfigError(error);
  }
  const logger = createLogger({ service: 'gateway', level: config.logLevel });
  const gateway = await startGateway(config, logger);
  gateway.ready.catch(() => process.exit(1));
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
