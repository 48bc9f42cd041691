import { createLogger, type Logger } from '../createLogger';
import { exitOnConfigError } from '../readConfig';

export interface ServiceHandle {
  close(): Promise<void>;
  /** Rejects when the service cannot come up after listening (e.g. the gateway's first composition). */
  ready?: Promise<void>;
}

export interface RunServiceOptions<C extends { logLevel: string }> {
  service: string;
  /** Reads the process environment when `env` is omitted; tests and tools pass their own. */
  readConfig: (env?: Record<string, string | undefined>) => C;
  /** Secret values from the config that the logger must scrub wherever they appear. */
  secrets?: (config: C) => string[];
  start: (config: C, logger: Logger) => Promise<ServiceHandle>;
}

/**
 * The body of every `main.ts`: read config (one-line exit on error), log, start, and stop
 * cleanly on SIGINT/SIGTERM so `npm start` and orchestrators can shut the process down.
 */
export async function runService<C extends { logLevel: string }>(options: RunServiceOptions<C>): Promise<void> {
  let config: C;
  try {
    config = options.readConfig();
  } catch (error) {
    exitOnConfigError(error);
  }
  const logger = createLogger({ service: options.service, level: config.logLevel, secrets: options.secrets?.(config) });
  let handle: ServiceHandle;
  try {
    handle = await options.start(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, `${options.service} failed to start`);
    process.exit(1);
  }
  handle.ready?.catch(() => process.exit(1));
  const stop = () => void handle.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
