import { readSimulatorConfig as readKitConfig, simulatorConfigSchema as kitSchema, type SimulatorConfig } from '@devgraph/simulator-kit';

export const GROWTHBOOK_SIMULATOR_PORT = 4104;
export const simulatorConfigSchema = kitSchema(GROWTHBOOK_SIMULATOR_PORT);
export type GrowthBookSimulatorConfig = SimulatorConfig;
export const readSimulatorConfig = (env: Record<string, string | undefined> = process.env) => readKitConfig(GROWTHBOOK_SIMULATOR_PORT, env);
