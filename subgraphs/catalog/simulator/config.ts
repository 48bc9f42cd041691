import { z } from 'zod';
import { configFields, readConfig } from '@devgraph/runtime';
import { DEFAULT_SIMULATOR_TOKEN } from './startBackstageSimulator';

export const simulatorConfigSchema = z.object({
  PORT: configFields.port(4105),
  HOST: configFields.host(),
  LOG_LEVEL: configFields.logLevel(),
  SIMULATOR_TOKEN: z.string().default(DEFAULT_SIMULATOR_TOKEN).describe(`the token the simulator accepts (default ${DEFAULT_SIMULATOR_TOKEN})`),
});

export interface BackstageSimulatorConfig {
  port: number;
  host: string;
  logLevel: string;
  token: string;
}

export function readSimulatorConfig(env: Record<string, string | undefined> = process.env): BackstageSimulatorConfig {
  const c = readConfig(simulatorConfigSchema, env);
  return { port: c.PORT, host: c.HOST, logLevel: c.LOG_LEVEL, token: c.SIMULATOR_TOKEN };
}
