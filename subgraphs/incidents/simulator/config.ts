import { z } from 'zod';
import { configFields, readConfig } from '@devgraph/runtime';

export const DEFAULT_SIMULATOR_TOKEN = 'devgraph-demo-token';

export const simulatorConfigSchema = z.object({
  PORT: configFields.port(4103),
  HOST: configFields.host(),
  SIMULATOR_TOKEN: z.string().default(DEFAULT_SIMULATOR_TOKEN).describe(`the API key the simulator accepts (default ${DEFAULT_SIMULATOR_TOKEN})`),
  LOG_LEVEL: configFields.logLevel(),
});

export function readSimulatorConfig(env: Record<string, string | undefined> = process.env) {
  const c = readConfig(simulatorConfigSchema, env);
  return { port: c.PORT, host: c.HOST, token: c.SIMULATOR_TOKEN, logLevel: c.LOG_LEVEL };
}
