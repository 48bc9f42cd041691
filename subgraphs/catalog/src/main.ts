import { createLogger, exitOnConfigError } from '@devgraph/runtime';
import { readCatalogConfig, type CatalogConfig } from './config';
import { createCatalogSubgraph } from './createCatalogSubgraph';

async function main() {
  let config: CatalogConfig;
  try {
    config = readCatalogConfig();
  } catch (error) {
    exitOnConfigError(error);
  }
  const logger = createLogger({ service: 'catalog', level: config.logLevel });
  const server = await createCatalogSubgraph(config, logger);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
