import { z } from 'zod';
import { configFields, readConfig } from '@devgraph/runtime';
import { DEFAULT_SIMULATOR_TOKEN } from './startGithubSimulator';

export const githubSimulatorConfigSchema = z.object({
  PORT: configFields.port(4102),
  HOST: configFields.host(),
  LOG_LEVEL: configFields.logLevel(),
  SIMULATOR_TOKEN: z.string().default(DEFAULT_SIMULATOR_TOKEN).describe(`the token the simulator accepts (default ${DEFAULT_SIMULATOR_TOKEN})`),
});

export interface GithubSimulatorConfig {
  port: number;
  host: string;
  logLevel: string;
  token: string;
}

export function readGithubSimulatorConfig(env: Record<string, string | undefined> = process.env): GithubSimulatorConfig {
  const c = readConfig(githubSimulatorConfigSchema, env);
  return { port: c.PORT, host: c.HOST, logLevel: c.LOG_LEVEL, token: c.SIMULATOR_TOKEN };
}
