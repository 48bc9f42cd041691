import { readSimulatorConfig as readKitConfig, simulatorConfigSchema as kitSchema, type SimulatorConfig } from '@devgraph/simulator-kit';

export const BACKSTAGE_SIMULATOR_PORT = 4105;
export const simulatorConfigSchema = kitSchema(BACKSTAGE_SIMULATOR_PORT);
export type BackstageSimulatorConfig = SimulatorConfig;
export const readSimulatorConfig = (env: Record<string, string | undefined> = process.env) => readKitConfig(BACKSTAGE_SIMULATOR_PORT, env);
