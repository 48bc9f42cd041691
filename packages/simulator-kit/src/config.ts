import { z } from 'zod';
import { configFields, readConfig } from '@devgraph/runtime';

/** The only token the simulators accept by default; `npm start` hands it to the subgraphs. */
export const DEFAULT_SIMULATOR_TOKEN = 'devgraph-demo-token';

/** Every simulator reads the same variables; only the default port differs. */
export function simulatorConfigSchema(defaultPort: number) {
  return z.object({
    PORT: configFields.port(defaultPort),
    HOST: configFields.host(),
    LOG_LEVEL: configFields.logLevel(),
    SIMULATOR_TOKEN: z.string().default(DEFAULT_SIMULATOR_TOKEN).describe(`the token the simulator accepts (default ${DEFAULT_SIMULATOR_TOKEN})`),
  });
}

export interface SimulatorConfig {
  port: number;
  host: string;
  logLevel: string;
  token: string;
}

export function readSimulatorConfig(defaultPort: number, env: Record<string, string | undefined> = process.env): SimulatorConfig {
  const c = readConfig(simulatorConfigSchema(defaultPort), env);
  return { port: c.PORT, host: c.HOST, logLevel: c.LOG_LEVEL, token: c.SIMULATOR_TOKEN };
}
