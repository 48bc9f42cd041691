import { readSimulatorConfig, simulatorConfigSchema, type SimulatorConfig } from '@devgraph/simulator-kit';

export const GITHUB_SIMULATOR_PORT = 4102;
export const githubSimulatorConfigSchema = simulatorConfigSchema(GITHUB_SIMULATOR_PORT);
export type GithubSimulatorConfig = SimulatorConfig;
export const readGithubSimulatorConfig = (env: Record<string, string | undefined> = process.env) => readSimulatorConfig(GITHUB_SIMULATOR_PORT, env);
